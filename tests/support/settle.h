#pragma once

// For the UI tests: waiting until a view has what it asked for.

#include <QTest>

#include <utility>

namespace ke::test {

/// Waits until `w` — a view, a dialog or the main window: anything with pendingRequests() —
/// has no request running, at most 20 s. A short wait first, so that the requests it starts
/// on being shown or given a dataset have started. False on a timeout.
template <typename W> bool settle(const W &w)
{
    QTest::qWait(50);
    return QTest::qWaitFor([&w]() { return w.pendingRequests() == 0; }, 20000);
}

/// Shows `view`, gives it its dataset (`view.setDataset(args…)`) and waits until it has read
/// it (settle()). False on a timeout.
template <typename V, typename... Args> bool showDataset(V &view, Args &&...args)
{
    view.show();
    view.setDataset(std::forward<Args>(args)...);
    return settle(view);
}

} // namespace ke::test
