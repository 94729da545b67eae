#pragma once

#include "outboxwriter.h"

#include <QString>

namespace ke {

/// What a queued write tells the person ("queued — will be sent when the database is
/// reachable (2 waiting)").
QString queuedMessage(const WriteOutcome &outcome);

} // namespace ke
