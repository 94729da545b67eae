#include "event.h"

#include <QCoreApplication>

#include <algorithm>

#include "uuid.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace ke {

namespace {

QString uuidText(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

QJsonValue uuidOrNull(const QUuid &u)
{
    return u.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(uuidText(u));
}

/// A short, human-readable rendering of a JSON value for error messages.
QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::String: {
        QString s = v.toString();
        if (s.size() > 40)
            s = s.left(40) + QStringLiteral("…");
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    case QJsonValue::Array:
        return EventValidator::tr("an array");
    case QJsonValue::Object:
        return EventValidator::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return EventValidator::tr("nothing");
}

enum class Kind {
    Text, ///< a string, at most 64 KiB
    TextOrNull, ///< the same, null allowed explicitly (reason, comment)
    TextOrTextList, ///< a string or an array of strings (applies_to)
    Id, ///< a non-empty string naming a step of the trace (hypothesis_id, ...)
    Uuid, ///< a UUID string
    DatasetRef, ///< a dataset UUID or a dataset name such as public.orders
    Confidence, ///< a number in 0..1
    Rating, ///< exactly 1 or -1
    Bool,
    NonNegative, ///< a number >= 0
    TextList, ///< an array of strings
    Object,
};

struct FieldSpec
{
    const char *name;
    Kind kind;
    bool required;
};

using Specs = QHash<QString, QList<FieldSpec>>;

const Specs &specs()
{
    static const Specs s = [] {
        Specs m;
        auto add = [&m](const char *type, QList<FieldSpec> fields) {
            m.insert(QString::fromLatin1(type), std::move(fields));
        };
        add("investigation.started",
            {{"dataset_id", Kind::DatasetRef, false}, {"alert", Kind::Object, false}});
        add("investigation.completed",
            {{"root_cause", Kind::Text, false},
             {"confidence", Kind::Confidence, false},
             {"duration_seconds", Kind::NonNegative, false}});
        add("investigation.failed", {{"error", Kind::Text, false}});
        const QList<FieldSpec> hypothesis = {{"hypothesis_id", Kind::Id, false},
                                             {"text", Kind::Text, false},
                                             {"confidence", Kind::Confidence, false}};
        for (const char *t : {"hypothesis.generated", "hypothesis.accepted", "hypothesis.rejected"})
            add(t, hypothesis);
        const QList<FieldSpec> query = {{"query_id", Kind::Id, false},
                                        {"hypothesis_id", Kind::Id, false},
                                        {"sql", Kind::Text, false},
                                        {"purpose", Kind::Text, false}};
        for (const char *t : {"query.planned", "query.submitted", "query.executed"})
            add(t, query);
        add("query.succeeded",
            query
                + QList<FieldSpec>{{"row_count", Kind::NonNegative, false},
                                   {"duration_ms", Kind::NonNegative, false}});
        add("query.failed", query + QList<FieldSpec>{{"error", Kind::Text, false}});
        const QList<FieldSpec> evidence
            = {{"evidence_id", Kind::Id, false}, {"hypothesis_id", Kind::Id, false},
               {"query_id", Kind::Id, false},    {"summary", Kind::Text, false},
               {"supports", Kind::Bool, false},  {"confidence", Kind::Confidence, false}};
        add("evidence.collected", evidence);
        add("evidence.evaluated", evidence);
        add("synthesis.generated",
            {{"synthesis_id", Kind::Id, false},
             {"root_cause", Kind::Text, false},
             {"confidence", Kind::Confidence, false},
             {"recommendations", Kind::TextList, false}});
        const QList<FieldSpec> feedback = {{"target_id", Kind::Uuid, true},
                                           {"rating", Kind::Rating, true},
                                           {"reason", Kind::TextOrNull, false},
                                           {"comment", Kind::TextOrNull, false},
                                           {"context", Kind::Object, false}};
        for (const char *t : {"feedback.hypothesis", "feedback.query", "feedback.evidence",
                              "feedback.synthesis", "feedback.investigation"})
            add(t, feedback);
        add("comment.added", {{"text", Kind::Text, true}, {"target_id", Kind::Uuid, false}});
        add("quirk.added",
            {{"quirk_id", Kind::Uuid, true},
             {"text", Kind::Text, true},
             {"applies_to", Kind::TextOrTextList, false}});
        add("quirk.edited", {{"quirk_id", Kind::Uuid, true}, {"text", Kind::Text, true}});
        add("quirk.retired", {{"quirk_id", Kind::Uuid, true}, {"reason", Kind::TextOrNull, false}});
        add("quirk.confirmed", {{"quirk_id", Kind::Uuid, true}});
        return m;
    }();
    return s;
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidEvent, message);
}

Result<void> checkText(const QString &type, const QString &field, const QString &text)
{
    // A UTF-16 code unit is at most 3 UTF-8 bytes: short strings need no conversion.
    if (text.size() * 3 <= EventValidator::maxTextBytes)
        return {};
    const qsizetype bytes = text.toUtf8().size();
    if (bytes > EventValidator::maxTextBytes) {
        return invalid(EventValidator::tr("%1: %2 is %3 bytes, at most %4 bytes (64 KiB) allowed")
                           .arg(type, field)
                           .arg(bytes)
                           .arg(EventValidator::maxTextBytes));
    }
    return {};
}

Result<void> checkField(const QString &type, const FieldSpec &spec, const QJsonValue &v)
{
    const QString field = QLatin1String(spec.name);
    // Only rendered when the check fails (this runs for every field of every event).
    const auto got = [&v] { return describe(v); };
    switch (spec.kind) {
    case Kind::TextOrNull:
    case Kind::Text:
        if (!v.isString())
            return invalid(
                EventValidator::tr("%1: %2 must be a string, got %3").arg(type, field, got()));
        return checkText(type, field, v.toString());
    case Kind::TextOrTextList:
        if (v.isString())
            return checkText(type, field, v.toString());
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (!a.at(i).isString())
                    return invalid(EventValidator::tr("%1: %2 must be a string or an array of "
                                                      "strings, got %3 at index %4")
                                       .arg(type, field, describe(a.at(i)))
                                       .arg(i));
                if (auto r = checkText(type, field, a.at(i).toString()); !r)
                    return r;
            }
            return {};
        }
        return invalid(EventValidator::tr("%1: %2 must be a string or an array of strings, got %3")
                           .arg(type, field, got()));
    case Kind::Id:
        if (!v.isString() || v.toString().isEmpty())
            return invalid(EventValidator::tr("%1: %2 must be a non-empty string, got %3")
                               .arg(type, field, got()));
        return checkText(type, field, v.toString());
    case Kind::Uuid:
        if (!v.isString() || !isUuid(v.toString()))
            return invalid(
                EventValidator::tr("%1: %2 must be a UUID, got %3").arg(type, field, got()));
        return {};
    case Kind::DatasetRef:
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return invalid(EventValidator::tr("%1: %2 must be a dataset UUID or a dataset name "
                                              "such as public.orders, got %3")
                               .arg(type, field, got()));
        return checkText(type, field, v.toString());
    case Kind::Confidence: {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || !(d >= 0.0 && d <= 1.0))
            return invalid(EventValidator::tr("%1: %2 must be a number between 0 and 1, got %3")
                               .arg(type, field, got()));
        return {};
    }
    case Kind::Rating: {
        const double d = v.toDouble(0);
        if (!v.isDouble() || !(d == 1.0 || d == -1.0))
            return invalid(
                EventValidator::tr("%1: %2 must be 1 or -1, got %3").arg(type, field, got()));
        return {};
    }
    case Kind::Bool:
        if (!v.isBool())
            return invalid(
                EventValidator::tr("%1: %2 must be true or false, got %3").arg(type, field, got()));
        return {};
    case Kind::NonNegative: {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || !(d >= 0.0))
            return invalid(EventValidator::tr("%1: %2 must be a non-negative number, got %3")
                               .arg(type, field, got()));
        return {};
    }
    case Kind::TextList: {
        if (!v.isArray())
            return invalid(EventValidator::tr("%1: %2 must be an array of strings, got %3")
                               .arg(type, field, got()));
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString())
                return invalid(EventValidator::tr("%1: %2 must be an array of strings, got %3 at "
                                                  "index %4")
                                   .arg(type, field, describe(a.at(i)))
                                   .arg(i));
            if (auto r = checkText(type, field, a.at(i).toString()); !r)
                return r;
        }
        return {};
    }
    case Kind::Object:
        if (!v.isObject())
            return invalid(
                EventValidator::tr("%1: %2 must be a JSON object, got %3").arg(type, field, got()));
        return {};
    }
    return {};
}

bool containsNul(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().contains(QChar(u'\0'));
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return containsNul(x); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key().contains(QChar(u'\0')) || containsNul(it.value()))
                return true;
    }
    return false;
}

Result<QUuid> parseUuid(const QJsonObject &json, const char *key)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QUuid();
    if (!v.isString() || !isUuid(v.toString()))
        return invalid(
            EventValidator::tr("%1 must be a UUID, got %2").arg(QLatin1String(key), describe(v)));
    return QUuid::fromString(v.toString());
}

} // namespace

// ---- Event ---------------------------------------------------------------------------------

QJsonObject Event::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), uuidOrNull(id));
    o.insert(QStringLiteral("tenant_id"), uuidOrNull(tenantId));
    o.insert(QStringLiteral("investigation_id"), uuidOrNull(investigationId));
    o.insert(QStringLiteral("dataset_id"), uuidOrNull(datasetId));
    o.insert(QStringLiteral("event_type"), eventType);
    o.insert(QStringLiteral("event_data"), data);
    o.insert(QStringLiteral("actor_id"), uuidOrNull(actorId));
    o.insert(QStringLiteral("actor_type"), actorType);
    o.insert(QStringLiteral("created_at"),
             createdAt.isValid() ? QJsonValue(createdAt.toUTC().toString(Qt::ISODateWithMs))
                                 : QJsonValue(QJsonValue::Null));
    return o;
}

Result<Event> Event::fromJson(const QJsonObject &json)
{
    Event e;
    struct UuidField
    {
        const char *key;
        QUuid *target;
    };
    const UuidField ids[] = {{"id", &e.id},
                             {"tenant_id", &e.tenantId},
                             {"investigation_id", &e.investigationId},
                             {"dataset_id", &e.datasetId},
                             {"actor_id", &e.actorId}};
    for (const UuidField &f : ids) {
        auto u = parseUuid(json, f.key);
        if (!u)
            return u.error();
        *f.target = *u;
    }
    const QJsonValue type = json.value(QLatin1String("event_type"));
    if (!type.isUndefined() && !type.isNull()) {
        if (!type.isString())
            return invalid(
                EventValidator::tr("event_type must be a string, got %1").arg(describe(type)));
        e.eventType = type.toString();
    }
    const QJsonValue data = json.value(QLatin1String("event_data"));
    if (!data.isUndefined() && !data.isNull()) {
        if (!data.isObject())
            return invalid(
                EventValidator::tr("event_data must be a JSON object, got %1").arg(describe(data)));
        e.data = data.toObject();
    }
    const QJsonValue actorType = json.value(QLatin1String("actor_type"));
    if (!actorType.isUndefined() && !actorType.isNull()) {
        if (!actorType.isString())
            return invalid(EventValidator::tr("actor_type must be 'user' or 'system', got %1")
                               .arg(describe(actorType)));
        e.actorType = actorType.toString();
    }
    const QJsonValue created = json.value(QLatin1String("created_at"));
    if (!created.isUndefined() && !created.isNull()) {
        QDateTime dt;
        if (created.isString())
            dt = QDateTime::fromString(created.toString(), Qt::ISODateWithMs);
        if (!dt.isValid())
            return invalid(EventValidator::tr("created_at must be an ISO 8601 timestamp such as "
                                              "2024-05-01T12:00:00Z, got %1")
                               .arg(describe(created)));
        e.createdAt = dt.toUTC();
    }
    return e;
}

// ---- EventTypes ----------------------------------------------------------------------------

namespace EventTypes {

QStringList known()
{
    static const QStringList list = [] {
        QStringList l = specs().keys();
        l.sort();
        return l;
    }();
    return list;
}

bool isKnown(const QString &type)
{
    return specs().contains(type);
}

QString feedbackTarget(const QString &type)
{
    static const QLatin1String prefix("feedback.");
    if (!type.startsWith(prefix) || !isKnown(type))
        return {};
    return type.mid(prefix.size());
}

QStringList quickReasons(const QString &target, int rating)
{
    struct Reasons
    {
        const char *target;
        const char *positive[2];
        const char *negative[2];
    };
    static const Reasons table[] = {
        {"hypothesis",
         {QT_TRANSLATE_NOOP("QuickReason", "Right direction"),
          QT_TRANSLATE_NOOP("QuickReason", "Key insight")},
         {QT_TRANSLATE_NOOP("QuickReason", "Dead end"),
          QT_TRANSLATE_NOOP("QuickReason", "Already known")}},
        {"query",
         {QT_TRANSLATE_NOOP("QuickReason", "Useful data"),
          QT_TRANSLATE_NOOP("QuickReason", "Confirmed suspicion")},
         {QT_TRANSLATE_NOOP("QuickReason", "Wrong table"),
          QT_TRANSLATE_NOOP("QuickReason", "Inconclusive")}},
        {"evidence",
         {QT_TRANSLATE_NOOP("QuickReason", "Key proof"),
          QT_TRANSLATE_NOOP("QuickReason", "Clear signal")},
         {QT_TRANSLATE_NOOP("QuickReason", "Noise"),
          QT_TRANSLATE_NOOP("QuickReason", "Misleading")}},
        {"synthesis",
         {QT_TRANSLATE_NOOP("QuickReason", "Solved it"),
          QT_TRANSLATE_NOOP("QuickReason", "Actionable")},
         {QT_TRANSLATE_NOOP("QuickReason", "Partial answer"),
          QT_TRANSLATE_NOOP("QuickReason", "Missed root cause")}},
        {"investigation",
         {QT_TRANSLATE_NOOP("QuickReason", "Saved time"),
          QT_TRANSLATE_NOOP("QuickReason", "Found the issue")},
         {QT_TRANSLATE_NOOP("QuickReason", "No value"),
          QT_TRANSLATE_NOOP("QuickReason", "Wrong conclusion")}},
    };
    for (const Reasons &r : table) {
        if (target != QLatin1String(r.target))
            continue;
        if (rating > 0)
            return {QString::fromLatin1(r.positive[0]), QString::fromLatin1(r.positive[1])};
        if (rating < 0)
            return {QString::fromLatin1(r.negative[0]), QString::fromLatin1(r.negative[1])};
    }
    return {};
}

QString reasonLabel(const QString &storedReason)
{
    return QCoreApplication::translate("QuickReason", storedReason.toUtf8().constData());
}

} // namespace EventTypes

// ---- EventValidator ------------------------------------------------------------------------

Result<void> EventValidator::validate(const Event &event, bool forEmit)
{
    return validate(event, forEmit, nullptr);
}

Result<void> EventValidator::validate(const Event &event, bool forEmit, QByteArray *serializedData)
{
    const QString &type = event.eventType;
    if (type.isEmpty())
        return invalid(tr("event: event_type is required"));
    if (type.size() > 100)
        return invalid(
            tr("event: event_type must be at most 100 characters, got %1").arg(type.size()));
    if (type.contains(QChar(u'\0')))
        return invalid(tr("event: event_type must not contain NUL characters"));
    if (event.id.isNull())
        return invalid(tr("%1: id is required (a UUID)").arg(type));
    if (event.tenantId.isNull())
        return invalid(tr("%1: tenant_id is required (a UUID)").arg(type));
    if (event.investigationId.isNull())
        return invalid(tr("%1: investigation_id is required (a UUID)").arg(type));
    if (event.actorType != QLatin1String("user") && event.actorType != QLatin1String("system"))
        return invalid(
            tr("%1: actor_type must be 'user' or 'system', got \"%2\"").arg(type, event.actorType));

    // "Latest" and the watermarks go by created_at: a writer's clock far ahead must not pin a
    // rating or freeze a build. Offline writes keep the time the person acted (the past). The
    // database refuses the same (migration 0006) against its own clock.
    if (forEmit && event.createdAt.isValid()
        && event.createdAt > QDateTime::currentDateTimeUtc().addSecs(maxFutureSeconds))
        return invalid(tr("%1: created_at %2 is more than 5 minutes in the future — check the "
                          "writer's clock, or leave created_at out to use the time of writing")
                           .arg(type, event.createdAt.toUTC().toString(Qt::ISODateWithMs)));

    const auto spec = specs().constFind(type);
    if (spec == specs().constEnd() && forEmit) {
        // The families of the catalogue ("investigation.*", "synthesis.generated", …).
        const QStringList all = EventTypes::known();
        QStringList families;
        for (const QString &known : all) {
            const QString family = known.section(QLatin1Char('.'), 0, 0);
            const auto members = std::count_if(all.cbegin(), all.cend(), [&](const QString &t) {
                return t.startsWith(family + QLatin1Char('.'));
            });
            const QString shown = members > 1 ? family + QStringLiteral(".*") : known;
            if (!families.contains(shown))
                families << shown;
        }
        return makeError(ErrorCode::UnknownEventType,
                         tr("%1: unknown event type — the product emits only the known types "
                            "(%2); allow unknown types to store another writer's events")
                             .arg(type, families.join(QStringLiteral(", "))));
    }

    const QByteArray json = QJsonDocument(event.data).toJson(QJsonDocument::Compact);
    // PostgreSQL's jsonb cannot hold \u0000: say so here rather than fail the whole batch.
    // (The text search is a cheap first look; a typed "\\u0000" is no NUL.)
    if (json.contains("u0000") && containsNul(QJsonValue(event.data)))
        return invalid(tr("%1: event_data must not contain NUL characters (\\u0000) — "
                          "PostgreSQL cannot store them")
                           .arg(type));
    if (json.size() > maxDataBytes)
        return invalid(tr("%1: event_data is %2 bytes serialized, at most %3 bytes (1 MiB) allowed")
                           .arg(type)
                           .arg(json.size())
                           .arg(maxDataBytes));

    if (spec != specs().constEnd()) {
        for (const FieldSpec &f : *spec) {
            const QJsonValue v = event.data.value(QLatin1String(f.name));
            if (v.isUndefined() || v.isNull()) {
                if (f.required)
                    return invalid(tr("%1: %2 is required").arg(type, QLatin1String(f.name)));
                continue;
            }
            if (auto r = checkField(type, f, v); !r)
                return r;
        }
    }
    if (serializedData)
        *serializedData = json;
    return {};
}

} // namespace ke
