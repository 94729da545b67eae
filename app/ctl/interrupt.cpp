#include "interrupt.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace ke::ctl {

namespace {

int g_pipe[2] = {-1, -1};
struct sigaction g_previous = {};

void onSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_pipe[1], &byte, 1);
    sigaction(SIGINT, &g_previous, nullptr); // a second Ctrl+C ends the process
}

} // namespace

CancelOnInterrupt::CancelOnInterrupt(std::function<void()> onInterrupt)
    : m_onInterrupt(std::move(onInterrupt))
{
    if (g_pipe[0] < 0 && ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // no pipe: Ctrl+C keeps its default
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this]() {
        char buffer[16];
        while (::read(g_pipe[0], buffer, sizeof buffer) > 0) { }
        if (m_onInterrupt)
            m_onInterrupt();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &g_previous);
}

CancelOnInterrupt::~CancelOnInterrupt()
{
    if (m_notifier)
        sigaction(SIGINT, &g_previous, nullptr);
}

} // namespace ke::ctl
