// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandchain.h"

#include <memory>

namespace pos {

namespace {

struct ChainState
{
    Backend &backend;
    QList<CommandChain::Step> steps;
    std::function<void(Status)> done;
    qsizetype next = 0;
};

void runNext(const std::shared_ptr<ChainState> &state)
{
    if (state->next == state->steps.size()) {
        state->done({});
        return;
    }
    const auto &[command, params] = state->steps.at(state->next++);
    state->backend.execute(command, params, [state, name = command](Result<QJsonValue> answer) {
        if (!answer) {
            Error error = answer.error();
            error.message = name + QStringLiteral(": ") + error.message;
            state->done(std::unexpected(error));
            return;
        }
        runNext(state);
    });
}

} // namespace

void CommandChain::run(Backend &backend, QList<Step> steps, std::function<void(Status)> done)
{
    runNext(std::make_shared<ChainState>(ChainState{backend, std::move(steps), std::move(done), 0}));
}

} // namespace pos
