// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/servercore.h"
#include "servers/store/storeservices.h"

int main(int argc, char **argv)
{
    return pos::runServer(pos::ServerRole::Store, argc, argv, pos::registerStoreHandlers);
}
