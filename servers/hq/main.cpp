// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/servercore.h"

int main(int argc, char **argv)
{
    return pos::runServer(pos::ServerRole::Hq, argc, argv);
}
