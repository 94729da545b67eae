// knowledgectl serve --listen HOST:PORT [--io-threads N] [--db-threads N] [--timeout SECONDS]
//                    [--warm-documents N]

#include "commands.h"
#include "httpservice.h"

#include <csignal>
#include <pthread.h>

namespace ke::ctl {
namespace {

QString usage()
{
    return Messages::tr("usage: knowledgectl serve --listen HOST:PORT [--io-threads N] "
                        "[--db-threads N] [--timeout SECONDS] [--warm-documents N]");
}

int runServe(CommandContext &ctx)
{
    HttpServiceOptions options;
    const QString listen = takeOption(ctx.args, QStringLiteral("--listen")).value_or(QString());
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool ok = colon > 0;
    if (ok) {
        options.host = listen.left(colon);
        options.port = listen.mid(colon + 1).toInt(&ok);
        ok = ok && options.port >= 0 && options.port <= 65535;
    }
    if (!ok)
        return ctx.fail(Messages::tr("--listen wants HOST:PORT (e.g. 127.0.0.1:8080; port 0 "
                                     "picks a free one), got '%1' — %2")
                            .arg(listen, usage()));
    const struct
    {
        const char *flag;
        int *value;
        int min;
    } numbers[] = {{"--io-threads", &options.ioThreads, 2},
                   {"--db-threads", &options.databaseThreads, 1},
                   {"--timeout", &options.ioTimeoutSeconds, 1}};
    for (const auto &n : numbers) {
        const auto text = takeOption(ctx.args, QLatin1String(n.flag));
        if (!text)
            continue;
        *n.value = text->toInt(&ok);
        if (!ok || *n.value < n.min)
            return ctx.fail(Messages::tr("%1 wants a number of at least %2, got '%3'")
                                .arg(QLatin1String(n.flag))
                                .arg(n.min)
                                .arg(*text));
    }
    if (const auto text = takeOption(ctx.args, QStringLiteral("--warm-documents"))) {
        options.warmDocuments = text->toLongLong(&ok);
        if (!ok || options.warmDocuments < 0)
            return ctx.fail(Messages::tr("--warm-documents wants a number of documents (0: "
                                         "load no search index at start), got '%1'")
                                .arg(*text));
    }
    if (!ctx.args.isEmpty())
        return ctx.fail(usage());
    // SIGTERM and SIGINT are taken by this thread alone (sigwait below): every thread the
    // service starts inherits the blocked mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    HttpService service(ctx.settings, options);
    auto port = service.start();
    if (!port)
        return ctx.fail(port.error());
    ctx.out << Messages::tr("listening on http://%1:%2").arg(options.host).arg(*port) << Qt::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    ctx.err << Messages::tr("stopping (signal %1)").arg(signal) << Qt::endl;
    service.stop();
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("serve",
                    "--listen HOST:PORT [--io-threads N] [--db-threads N] [--timeout S] "
                    "[--warm-documents N]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "the HTTP API (API keys: knowledgectl api-key; README \"The "
                                      "HTTP service\")"),
                    runServe);

} // namespace ke::ctl
