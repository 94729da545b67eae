#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "result.h"
#include "threaddatabase.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <optional>

namespace ke {

/// Runs `work` on a pool thread, then calls `done` on the receiver's (GUI) thread — unless the
/// receiver was destroyed meanwhile. Exceptions never escape the task: they arrive as an
/// Error. For work that finds its own connection or cache (BrowseClient, SearchClient).
template <typename T>
void runInBackground(QObject *receiver, std::function<Result<T>()> work,
                     std::function<void(const Result<T> &)> done)
{
    using Answer = std::optional<Result<T>>;
    auto *watcher = new QFutureWatcher<Answer>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, done]() {
        const Answer answer = watcher->result();
        watcher->deleteLater();
        done(*answer);
    });
    watcher->setFuture(QtConcurrent::run([work]() -> Answer {
        try {
            return Answer(work());
        } catch (const std::exception &e) {
            resetThreadDatabase();
            return Answer(Result<T>(makeError(ErrorCode::Internal, QString::fromUtf8(e.what()))));
        }
    }));
}

} // namespace ke
