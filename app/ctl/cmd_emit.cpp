// knowledgectl emit [FILE|-] — appends events given as one JSON object or as JSON Lines.
// Every bad line is reported with its number and nothing is written unless all are good.

#include "commands.h"
#include "event.h"
#include "eventlog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace ke::ctl {
namespace {

struct Parsed
{
    int line = 0;
    Event event;
};

int runEmit(CommandContext &ctx)
{
    EmitOptions options;
    options.allowUnknownTypes = takeFlag(ctx.args, QStringLiteral("--allow-unknown-types"));
    if (ctx.args.size() > 1)
        return ctx.fail(
            Messages::tr("usage: knowledgectl emit [FILE|-] [--allow-unknown-types] — one "
                         "JSON object or JSON Lines, from FILE or stdin"));
    const QString path = ctx.args.value(0, QStringLiteral("-"));

    QFile file;
    bool opened = false;
    if (path == QLatin1String("-")) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return ctx.fail(Messages::tr("cannot read %1: %2 — give a readable file, or - for stdin")
                            .arg(path, file.errorString()));
    const QByteArray input = file.readAll();

    std::vector<std::pair<int, QString>> problems; // (line, why)
    std::vector<Parsed> parsed;
    auto addObject = [&](int line, const QJsonObject &o) {
        auto e = Event::fromJson(o);
        if (!e)
            problems.emplace_back(line, e.error().message);
        else
            parsed.push_back({line, std::move(*e)});
    };

    // One JSON object, possibly spread over several lines; otherwise JSON Lines.
    QJsonParseError whole{};
    const QJsonDocument doc = QJsonDocument::fromJson(input, &whole);
    if (whole.error == QJsonParseError::NoError && doc.isObject()) {
        addObject(1, doc.object());
    } else {
        const QList<QByteArray> lines = input.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int n = int(i + 1);
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            QJsonParseError pe{};
            const QJsonDocument d = QJsonDocument::fromJson(line, &pe);
            if (pe.error != QJsonParseError::NoError) {
                problems.emplace_back(n,
                                      Messages::tr("invalid JSON at character %1: %2")
                                          .arg(pe.offset + 1)
                                          .arg(pe.errorString()));
            } else if (!d.isObject()) {
                problems.emplace_back(n,
                                      Messages::tr("expected a JSON object (one event per line)"));
            } else {
                addObject(n, d.object());
            }
        }
    }

    return ctx.withDatabase([&](Database &db) {
        EventLog log(db);
        for (Parsed &p : parsed) {
            auto r = log.prepare(p.event, options);
            if (!r) {
                QString why = r.error().message;
                if (r.error().is(ErrorCode::UnknownEventType))
                    why += Messages::tr(
                        " (pass --allow-unknown-types to replay another writer's stream)");
                problems.emplace_back(p.line, why);
            }
        }
        if (!problems.empty()) {
            // Parse problems were collected before the per-event ones: order by line number.
            std::stable_sort(problems.begin(), problems.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &[line, why] : problems)
                ctx.err << Messages::tr("line %1: %2").arg(line).arg(why) << Qt::endl;
            return ctx.fail(
                Messages::tr("%n bad line(s), nothing was written", nullptr, int(problems.size())));
        }

        std::vector<Event> events;
        events.reserve(parsed.size());
        for (Parsed &p : parsed)
            events.push_back(std::move(p.event));
        auto written = log.emitBatch(events, options);
        if (!written)
            return ctx.fail(written.error());
        ctx.out << Messages::tr("%1 written, %2 already present")
                       .arg(*written)
                       .arg(qsizetype(events.size()) - *written)
                << Qt::endl;
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("emit", "[FILE|-] [--allow-unknown-types]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "append events (one JSON object or JSON Lines)"),
                    runEmit);

} // namespace ke::ctl
