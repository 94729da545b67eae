#include "commands.h"
#include "jobs.h"
#include "jobscheduler.h"

#include <QDateTime>
#include <QSocketNotifier>
#include <QSysInfo>

#include <algorithm>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ke::ctl {
namespace {

int g_signalPipe[2] = {-1, -1};

/// One logfmt line (key=value, values quoted when they hold a space, a quote or '='), as the
/// worker writes one per run: README "The worker".
class LogLine
{
public:
    struct Sink
    {
        QTextStream &out;
        QString worker;
        LogLine line(const QDateTime &at = QDateTime::currentDateTimeUtc()) const
        {
            LogLine l(out);
            l.add("ts", at.toUTC().toString(Qt::ISODateWithMs));
            l.add("worker", worker);
            return l;
        }
    };

    void add(const QByteArray &key, const QString &value)
    {
        if (!m_text.isEmpty())
            m_text += QLatin1Char(' ');
        m_text += QString::fromUtf8(key) + QLatin1Char('=');
        const bool quote
            = value.isEmpty() || std::any_of(value.cbegin(), value.cend(), [](QChar c) {
                  return c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('=')
                      || c == QLatin1Char('\\');
              });
        if (!quote) {
            m_text += value;
            return;
        }
        QString v = value;
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        v.replace(QLatin1Char('"'), QLatin1String("\\\""));
        v.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        m_text += QLatin1Char('"') + v + QLatin1Char('"');
    }
    void write() { m_out << m_text << Qt::endl; }

private:
    explicit LogLine(QTextStream &out)
        : m_out(out)
    { }
    QTextStream &m_out;
    QString m_text;
};

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

    const QString worker
        = QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(::getpid());
    LogLine::Sink log{ctx.out, worker};
    int failures = 0;
    QObject::connect(&scheduler, &JobScheduler::runReported, [&log, &failures](const JobRun &r) {
        if (r.outcome == JobRun::Outcome::Failed)
            ++failures;
        LogLine line = log.line(r.startedAt);
        line.add("job", r.job);
        if (!r.tenant.isEmpty() || !r.tenantId.isNull()) {
            line.add("tenant", r.tenant);
            line.add("tenant_id", r.tenantId.toString(QUuid::WithoutBraces));
        }
        line.add("outcome", JobRun::outcomeName(r.outcome));
        line.add("duration_s", QString::number(r.seconds, 'f', 3));
        for (const auto &[key, value] : r.counts)
            line.add(key.toUtf8(), QString::number(value));
        if (!r.reason.isEmpty())
            line.add("reason", r.reason);
        if (!r.message.isEmpty())
            line.add(r.outcome == JobRun::Outcome::Skipped ? "msg" : "error", r.message);
        line.write();
    });
    QObject::connect(&scheduler, &JobScheduler::stopped, qApp, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    // SIGTERM / SIGINT: no new runs; the running ones cancel their statement (rolled back, or
    // the pages done kept) and report; exit 0.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return ctx.fail(Messages::tr("cannot set up signal handling"));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &scheduler, [&]() {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        LogLine line = log.line();
        line.add("event", QStringLiteral("worker_stopping"));
        line.add("msg", Messages::tr("stopping: cancelling the running jobs"));
        line.write();
        scheduler.stop();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    {
        LogLine line = log.line();
        line.add("event", QStringLiteral("worker_started"));
        line.add("once", once ? QStringLiteral("true") : QStringLiteral("false"));
        line.add("aggregate_interval_s", QString::number(intervals.aggregate.count()));
        line.add("embed_interval_s", QString::number(intervals.embeddings.count()));
        line.add("training_interval_s", QString::number(intervals.training.count()));
        line.add("msg",
                 once ? Messages::tr("worker started (each job once)")
                      : Messages::tr("worker started"));
        line.write();
    }
    scheduler.start(once);
    QCoreApplication::exec();
    {
        LogLine line = log.line();
        line.add("event", QStringLiteral("worker_stopped"));
        line.add("msg", Messages::tr("worker stopped"));
        line.write();
    }
    return once && failures > 0 ? 1 : 0;
}

} // namespace

KE_REGISTER_COMMAND("worker", "[--once] [--aggregate-interval S] [--embed-interval S] ...",
                    QT_TRANSLATE_NOOP("knowledgectl", "run the background jobs on their schedule"),
                    runWorker);

} // namespace ke::ctl
