#pragma once

#include "connectionsettings.h"
#include "outboxwriter.h"
#include "result.h"

#include <QObject>

#include <functional>

namespace ke {

/// A person's write from the GUI (a rating, a comment, a quirk change) through OutboxWriter on
/// a pool thread: online it is written at once (and folded into the knowledge, so the views
/// show it); when the database cannot be reached it is queued in the outbox and `done` hears
/// `queued` — nothing typed is lost when the window closes. A refusal (the server said no,
/// or the input is invalid) arrives as the error. `done` runs on the receiver's (GUI) thread,
/// unless the receiver was destroyed meanwhile — the write itself completes regardless.
void writeAsPerson(QObject *receiver, const ConnectionSettings &settings,
                   OutboxWriter::Prepare prepare,
                   std::function<void(const Result<WriteOutcome> &)> done);

/// What a queued write tells the person ("queued — will be sent when the database is
/// reachable (2 waiting)").
QString queuedMessage(const WriteOutcome &outcome);

} // namespace ke
