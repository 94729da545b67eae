// POST /feedback: the request checked and queued; the writers' group commit (one durable
// transaction per key for whatever arrived while the previous group committed).

#include "private/httpservice_p.h"

#include "apikeys.h"
#include "database_p.h"
#include "feedbackrecorder.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ke {

using namespace httpdetail;

Answer HttpService::Private::feedback(const httplib::Request &req)
{
    QString secret;
    if (auto refused = keyOf(req, secret))
        return *refused;
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0)
        return errorAnswer(415, QStringLiteral("unsupported_media_type"),
                           HttpService::tr("POST /feedback takes application/json, not '%1'")
                               .arg(QString::fromStdString(type)));
    QJsonParseError parseError;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return badField(QStringLiteral("body"),
                        HttpService::tr("the body is not JSON (%1 at offset %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
    if (!doc.isObject())
        return badField(QStringLiteral("body"), HttpService::tr("the body must be a JSON object"));
    const QJsonObject o = doc.object();
    const auto text = [&](const char *name, bool required, QString &out) -> std::optional<Answer> {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return badField(QLatin1String(name),
                                HttpService::tr("%1 is missing").arg(QLatin1String(name)));
            return std::nullopt;
        }
        if (!v.isString())
            return badField(QLatin1String(name),
                            HttpService::tr("%1 must be a string").arg(QLatin1String(name)));
        out = v.toString();
        return std::nullopt;
    };
    const auto uuid = [&](const char *name, bool required, QUuid &out) -> std::optional<Answer> {
        QString s;
        if (auto bad = text(name, required, s))
            return bad;
        if (s.isEmpty())
            return std::nullopt;
        out = QUuid::fromString(s);
        if (out.isNull())
            return badField(
                QLatin1String(name),
                HttpService::tr("%1 must be a UUID, not '%2'").arg(QLatin1String(name), s));
        return std::nullopt;
    };
    FeedbackInput input;
    QUuid clientId;
    if (auto bad = text("target_type", true, input.targetType))
        return *bad;
    if (!FeedbackRecorder::targetTypes().contains(input.targetType))
        return badField(
            QStringLiteral("target_type"),
            HttpService::tr("target_type must be one of %1, not '%2'")
                .arg(FeedbackRecorder::targetTypes().join(QStringLiteral(", ")), input.targetType));
    if (auto bad = uuid("investigation_id", true, input.investigationId))
        return *bad;
    if (auto bad
        = uuid("target_id", input.targetType != QLatin1String("investigation"), input.targetId))
        return *bad;
    const QJsonValue rating = o.value(QLatin1String("rating"));
    if (!rating.isDouble() || (rating.toDouble() != 1 && rating.toDouble() != -1))
        return badField(QStringLiteral("rating"),
                        HttpService::tr("rating must be 1 (thumbs up) or -1 (thumbs down)"));
    input.rating = rating.toInt();
    if (auto bad = text("reason", false, input.reason))
        return *bad;
    if (auto bad = text("comment", false, input.comment))
        return *bad;
    if (auto bad = uuid("id", false, clientId))
        return *bad;
    auto event = FeedbackRecorder::prepare(input); // the rules of `knowledgectl feedback`
    if (!event)
        return fromError(event.error(), QStringLiteral("body"));
    const std::string idempotencyKey = req.get_header_value("Idempotency-Key");
    if (!clientId.isNull()) {
        event->id = clientId;
    } else if (!idempotencyKey.empty()) {
        // The same key and Idempotency-Key always name the same event.
        static const QUuid space
            = QUuid::fromString(QLatin1String("6f1c2a4e-9d3b-4c1a-8e7f-2b5d9a0c3e41"));
        event->id = QUuid::createUuidV5(
            space,
            QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex() + ':'
                + QByteArray::fromStdString(idempotencyKey));
    }
    PendingFeedback pending{
        secret, std::move(*event), !clientId.isNull() || !idempotencyKey.empty(), {}};
    std::future<Answer> answer = pending.answer.get_future();
    {
        std::lock_guard lock(queueLock);
        queue.push_back(std::move(pending));
    }
    queued.notify_one();
    return answer.get();
}

void HttpService::Private::writeFeedback()
{
    // One EventLog per connection: it learns once that COPY is refused under row-level
    // security and whether the table has a unique id, instead of asking again for every group.
    std::unique_ptr<EventLog> log;
    Database *logDb = nullptr;
    for (;;) {
        std::vector<PendingFeedback> batch;
        {
            std::unique_lock lock(queueLock);
            queued.wait(lock, [this] { return stopWriter || !queue.empty(); });
            if (queue.empty() && stopWriter)
                return;
            // Whatever arrived while the previous group committed goes in this one.
            while (!queue.empty() && batch.size() < size_t(options.feedbackBatchMax)) {
                batch.push_back(std::move(queue.front()));
                queue.pop_front();
            }
        }
        if (log && !logDb->isConnected()) { // lost: connection() replaces it below
            log.reset();
            logDb = nullptr;
        }
        auto db = connection(settings);
        if (!db) {
            for (auto &p : batch)
                p.answer.set_value(errorAnswer(
                    503, ErrorCode::Unreachable,
                    HttpService::tr("the database cannot be reached: %1").arg(db.error().message)));
            continue;
        }
        // One transaction per key (the key is the session's, and so its tenant and person).
        QHash<QString, std::vector<PendingFeedback *>> byKey;
        for (auto &p : batch)
            byKey[p.secret].push_back(&p);
        if (!log || logDb != *db) {
            log = std::make_unique<EventLog>(**db);
            logDb = *db;
        }
        for (auto it = byKey.begin(); it != byKey.end(); ++it)
            writeGroup(**db, *log, it.value());
    }
}

void HttpService::Private::writeGroup(Database &db, EventLog &log,
                                      std::vector<PendingFeedback *> &group)
{
    const auto answerAll = [&](const Answer &a) {
        for (PendingFeedback *p : group)
            p->answer.set_value(a);
        group.clear();
    };
    auto key = ApiKeys::select(db, group.front()->secret);
    if (!key) // a lost connection is replaced before the next group (writeFeedback)
        return answerAll(fromError(key.error()));
    std::vector<PendingFeedback *> accepted;
    for (PendingFeedback *p : group) {
        if (key->ratePerMinute && !rates.take(key->keyId, *key->ratePerMinute))
            p->answer.set_value(errorAnswer(429, ErrorCode::RateLimited,
                                            HttpService::tr("this key may make %n request(s) a "
                                                            "minute — wait, or ask for a higher "
                                                            "rate",
                                                            nullptr, *key->ratePerMinute)));
        else
            accepted.push_back(p);
    }
    if (accepted.empty())
        return;
    std::vector<Event> events;
    events.reserve(accepted.size());
    for (PendingFeedback *p : accepted)
        events.push_back(p->event);
    // The rated steps must exist in their investigations — of this key's tenant.
    auto verdicts = FeedbackRecorder::checkTargets(db, events);
    if (!verdicts) {
        group = accepted;
        return answerAll(fromError(verdicts.error()));
    }
    std::vector<Event> toWrite;
    std::vector<PendingFeedback *> writers;
    QSet<QUuid> ids; // a retry within the same group is written once
    for (size_t i = 0; i < accepted.size(); ++i) {
        if ((*verdicts)[i]) {
            accepted[i]->answer.set_value(fromError(*(*verdicts)[i], QStringLiteral("target_id")));
            continue;
        }
        if (auto prepared = log.prepare(events[i]); !prepared) {
            accepted[i]->answer.set_value(fromError(prepared.error(), QStringLiteral("body")));
            continue;
        }
        writers.push_back(accepted[i]);
        accepted[i]->event = events[i];
        if (!ids.contains(events[i].id)) {
            ids.insert(events[i].id);
            toWrite.push_back(events[i]);
        }
    }
    if (writers.empty())
        return;
    auto written = log.emitBatch(toWrite); // durable: one commit for the whole group
    if (!written) {
        group = writers;
        return answerAll(fromError(written.error()));
    }
    ++batches;
    batchedEvents += *written;
    for (PendingFeedback *p : writers) {
        QDateTime createdAt = p->event.createdAt;
        if (p->clientId) {
            // A retry answers what the first request was answered.
            auto stored = log.find(p->event.id);
            if (stored && *stored)
                createdAt = (*stored)->createdAt;
        }
        p->answer.set_value(Answer{
            201,
            json(QJsonObject{
                {QStringLiteral("id"), p->event.id.toString(QUuid::WithoutBraces)},
                {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}}),
            "application/json",
            {}});
    }
}

} // namespace ke
