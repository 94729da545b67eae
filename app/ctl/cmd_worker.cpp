#include "commands.h"
#include "jobs.h"
#include "jobscheduler.h"

#include <QDateTime>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ke::ctl {
namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

std::optional<std::chrono::seconds> takeSeconds(QStringList &args, const QString &name,
                                                std::chrono::seconds fallback, bool &bad)
{
    const auto v = takeOption(args, name);
    if (!v)
        return fallback;
    bool ok = false;
    const int s = v->toInt(&ok);
    if (!ok || s < 1) {
        bad = true;
        return std::nullopt;
    }
    return std::chrono::seconds(s);
}

int runWorker(CommandContext &ctx)
{
    QStringList &a = ctx.args;
    const bool once = takeFlag(a, QStringLiteral("--once"));
    bool bad = false;
    JobIntervals intervals;
    intervals.aggregate
        = takeSeconds(a, QStringLiteral("--aggregate-interval"), intervals.aggregate, bad)
              .value_or(intervals.aggregate);
    intervals.embeddings
        = takeSeconds(a, QStringLiteral("--embed-interval"), intervals.embeddings, bad)
              .value_or(intervals.embeddings);
    intervals.training
        = takeSeconds(a, QStringLiteral("--training-interval"), intervals.training, bad)
              .value_or(intervals.training);
    if (bad || !a.isEmpty())
        return ctx.fail(
            Messages::tr("usage: knowledgectl worker [--once] [--aggregate-interval SECONDS] "
                         "[--embed-interval SECONDS] [--training-interval SECONDS] "
                         "(intervals are whole seconds ≥ 1)"));

    // Fail early and clearly when the database is not there.
    {
        auto db = ctx.connect(false);
        if (!db)
            return ctx.fail(db.error());
    }

    JobScheduler scheduler;
    for (JobSpec &job : standardJobs(ctx.settings, intervals))
        scheduler.addJob(std::move(job));

    int failures = 0;
    QObject::connect(
        &scheduler, &JobScheduler::jobFinished,
        [&ctx, &failures](const QString &name, bool ok, const QString &summary, double seconds) {
            if (!ok)
                ++failures;
            ctx.out << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ' ' << name << ' '
                    << (ok ? "ok" : "FAILED") << ' ' << QString::number(seconds, 'f', 2)
                    << "s: " << summary << Qt::endl;
        });
    QObject::connect(&scheduler, &JobScheduler::stopped, qApp, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    // SIGTERM / SIGINT: stop taking new runs, let the running ones finish, exit 0.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return ctx.fail(Messages::tr("cannot set up signal handling"));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &scheduler, [&]() {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        ctx.out << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ' '
                << Messages::tr("stopping: waiting for running jobs to finish") << Qt::endl;
        scheduler.stop();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    ctx.out << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ' '
            << Messages::tr("worker started (%1)")
                   .arg(once ? Messages::tr("each job once")
                             : Messages::tr("aggregate every %1 s, embeddings "
                                            "every %2 s, training every %3 s")
                                   .arg(intervals.aggregate.count())
                                   .arg(intervals.embeddings.count())
                                   .arg(intervals.training.count()))
            << Qt::endl;
    scheduler.start(once);
    QCoreApplication::exec();
    ctx.out << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ' '
            << Messages::tr("worker stopped") << Qt::endl;
    return once && failures > 0 ? 1 : 0;
}

} // namespace

KE_REGISTER_COMMAND("worker", "[--once] [--aggregate-interval S] [--embed-interval S] ...",
                    QT_TRANSLATE_NOOP("knowledgectl", "run the background jobs on their schedule"),
                    runWorker);

} // namespace ke::ctl
