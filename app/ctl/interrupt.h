#pragma once

#include <functional>
#include <memory>

class QSocketNotifier;

namespace ke::ctl {

/// While it lives, Ctrl+C (SIGINT) calls `onInterrupt` on this thread's event loop instead of
/// killing the process (a second Ctrl+C still does); the previous handler is restored after.
/// For commands that can stop cleanly between steps (`sync` between pages).
class CancelOnInterrupt
{
public:
    explicit CancelOnInterrupt(std::function<void()> onInterrupt);
    ~CancelOnInterrupt();
    CancelOnInterrupt(const CancelOnInterrupt &) = delete;
    CancelOnInterrupt &operator=(const CancelOnInterrupt &) = delete;

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::function<void()> m_onInterrupt;
};

} // namespace ke::ctl
