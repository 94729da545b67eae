#pragma once

// What `feedback`, `comment` and `quirk` share about the outbox (defined in cmd_outbox.cpp).

#include "commands.h"
#include "outboxwriter.h"

#include <functional>

namespace ke::ctl {

/// Writes through the outbox (OutboxWriter::write, connecting as the person) and reports it:
/// online, `describe(event)` on stdout (or the event as JSON with `json`) after a line about the
/// earlier changes delivered first; queued, "queued: N change(s) waiting" and why on stderr
/// (exit 0: nothing is lost). Returns the exit code.
int writeThroughOutbox(CommandContext &ctx, const OutboxWriter::Prepare &prepare, bool json,
                       const std::function<QString(const Event &)> &describe);

} // namespace ke::ctl
