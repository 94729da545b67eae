#include "anonymiser.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>

namespace ke {

namespace {

// Shorter terms would mask ordinary words ("a", "jo"): never masked.
constexpr qsizetype kMinTerm = 3;

// Words that are never a person or a tenant on their own: legal forms, particles, and what
// orchestrators write where a name could stand ("system", "admin").
const QSet<QString> &notNames()
{
    static const QSet<QString> words{
        QStringLiteral("inc"),       QStringLiteral("corp"),         QStringLiteral("corporation"),
        QStringLiteral("co"),        QStringLiteral("ltd"),          QStringLiteral("llc"),
        QStringLiteral("gmbh"),      QStringLiteral("ag"),           QStringLiteral("plc"),
        QStringLiteral("sa"),        QStringLiteral("group"),        QStringLiteral("company"),
        QStringLiteral("the"),       QStringLiteral("and"),          QStringLiteral("von"),
        QStringLiteral("van"),       QStringLiteral("der"),          QStringLiteral("del"),
        QStringLiteral("team"),      QStringLiteral("admin"),        QStringLiteral("root"),
        QStringLiteral("bot"),       QStringLiteral("system"),       QStringLiteral("user"),
        QStringLiteral("users"),     QStringLiteral("service"),      QStringLiteral("unknown"),
        QStringLiteral("anonymous"), QStringLiteral("orchestrator"), QStringLiteral("none"),
        QStringLiteral("null"),      QStringLiteral("test")};
    return words;
}

QStringList cleanTerms(QStringList terms)
{
    QStringList out;
    QSet<QString> seen;
    for (QString &t : terms) {
        t = t.trimmed();
        if (t.size() < kMinTerm || notNames().contains(t.toLower()) || seen.contains(t.toLower()))
            continue;
        seen.insert(t.toLower());
        out << t;
    }
    return out;
}

/// (?:t1|t2|...) longest first, between the given boundaries; empty when there is nothing.
QRegularExpression alternation(QStringList terms, const QString &boundary, bool caseInsensitive)
{
    if (terms.isEmpty())
        return {};
    std::sort(terms.begin(), terms.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (QString &t : terms)
        t = QRegularExpression::escape(t);
    QRegularExpression::PatternOptions opts = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        opts |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(
        QStringLiteral("(?<!%1)(?:%2)(?!%1)").arg(boundary, terms.join(QLatin1Char('|'))), opts);
    re.optimize();
    return re;
}

const QString kWordBoundary = QStringLiteral("[\\w]");
const QString kAlnumBoundary = QStringLiteral("[\\p{L}\\p{N}]");

/// The parts of display names ("Maria López" → Maria, López), as written with a capital and
/// in capitals: matched case-sensitively, so that a person called Will leaves "will" alone.
QStringList capitalisedParts(const QStringList &names)
{
    static const QRegularExpression splitter(QStringLiteral("[^\\p{L}'’]+"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    for (const QString &name : names) {
        if (!name.contains(QLatin1Char(' ')))
            continue; // handles and e-mails are matched whole
        for (const QString &part : name.split(splitter, Qt::SkipEmptyParts)) {
            if (part.size() < kMinTerm || notNames().contains(part.toLower()))
                continue;
            out << part.left(1).toUpper() + part.mid(1) << part.toUpper();
        }
    }
    out.removeDuplicates();
    return out;
}

/// Replaces every match of `re` in `s` by what `with` returns for it (nullopt: keep it).
QString
replaceEach(const QString &s, const QRegularExpression &re,
            const std::function<std::optional<QString>(const QRegularExpressionMatch &)> &with)
{
    if (re.pattern().isEmpty())
        return s;
    QString out;
    qsizetype last = 0;
    bool changed = false;
    auto it = re.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        const std::optional<QString> r = with(m);
        if (!r)
            continue;
        out += QStringView(s).mid(last, m.capturedStart() - last);
        out += *r;
        last = m.capturedEnd();
        changed = true;
    }
    if (!changed)
        return s;
    out += QStringView(s).mid(last);
    return out;
}

qsizetype digitCount(QStringView s)
{
    return std::count_if(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

Anonymiser::Anonymiser(QByteArray key, Names names)
    : m_key(std::move(key))
{
    const QStringList tenant = cleanTerms(names.tenant);
    m_tenant = alternation(tenant, kAlnumBoundary, true);
    const QStringList people = cleanTerms(names.people);
    m_people = alternation(people, kAlnumBoundary, true);
    // Parts of the tenant's name are "[tenant]", of people's names "[person]": one
    // case-sensitive expression each would do, but a tenant part wins by coming first.
    QStringList parts = capitalisedParts(tenant);
    for (const QString &p : capitalisedParts(people))
        if (!parts.contains(p))
            parts << p;
    m_personParts = alternation(parts, kAlnumBoundary, false);
    for (const QString &p : capitalisedParts(tenant))
        m_tenantParts.insert(p);
    m_datasets = alternation(cleanTerms(names.datasets), kWordBoundary, true);
}

QString Anonymiser::hashId(const QString &uuid) const
{
    QString canonical = uuid.toLower();
    canonical.remove(QLatin1Char('{'));
    canonical.remove(QLatin1Char('}'));
    canonical.remove(QLatin1Char('-'));
    if (canonical.size() == 32)
        canonical = canonical.mid(0, 8) + QLatin1Char('-') + canonical.mid(8, 4) + QLatin1Char('-')
            + canonical.mid(12, 4) + QLatin1Char('-') + canonical.mid(16, 4) + QLatin1Char('-')
            + canonical.mid(20, 12);
    else
        canonical = uuid.toLower();
    const QString s = QString::fromLatin1(
        QMessageAuthenticationCode::hash(canonical.toUtf8(), m_key, QCryptographicHash::Sha256)
            .left(16)
            .toHex());
    return s.mid(0, 8) + QLatin1Char('-') + s.mid(8, 4) + QLatin1Char('-') + s.mid(12, 4)
        + QLatin1Char('-') + s.mid(16, 4) + QLatin1Char('-') + s.mid(20, 12);
}

QString Anonymiser::datasetToken(const QString &name) const
{
    return QStringLiteral("dataset-")
        + QString::fromLatin1(QMessageAuthenticationCode::hash(name.toLower().toUtf8(), m_key,
                                                               QCryptographicHash::Sha256)
                                  .left(8)
                                  .toHex());
}

QString Anonymiser::maskText(const QString &text) const
{
    using Match = QRegularExpressionMatch;
    static const QRegularExpression credentials(
        QStringLiteral("\\b([A-Za-z][A-Za-z0-9+.\\-]*://)[^\\s/?#@\"'<>]+@"));
    static const QRegularExpression password(
        QStringLiteral("\\b(password|passwd|pwd)\\s*=\\s*(?:'[^']*'|\"[^\"]*\"|[^\\s&;]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression email(QStringLiteral(
        "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}"));
    static const QRegularExpression uuid(QStringLiteral(
        "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?"
        "|(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])"));
    // Phone numbers: never inside a word, a number, a date or a version; separators are
    // spaces, dots, hyphens and slashes (not colons: times).
    static const QString before = QStringLiteral("(?<![\\w.\\-/+:])");
    static const QString after = QStringLiteral("(?![\\w\\-/]|[.:]\\d)");
    struct PhonePattern
    {
        QRegularExpression re;
        qsizetype minDigits, maxDigits;
    };
    static const std::vector<PhonePattern> phones{
        // +49 30 1234567, +1 (555) 123-4567, +441234567890
        {QRegularExpression(before + QStringLiteral("\\+\\d{1,3}(?:[ .\\-]?\\(?\\d{1,5}\\)?){1,6}")
                            + after),
         8, 15},
        // 0049 30 1234567
        {QRegularExpression(
             before + QStringLiteral("00[1-9]\\d{0,2}(?:[ .\\-/]\\(?\\d{1,8}\\)?){2,6}") + after),
         10, 15},
        // (555) 123-4567, (030) 1234567
        {QRegularExpression(before
                            + QStringLiteral("(?:\\(\\d{2,5}\\) ?\\d{3,4}[ .\\-]\\d{4}|\\(0\\d{1,4}"
                                             "\\) ?\\d{5,8})")
                            + after),
         7, 12},
        // 555-123-4567, 555.123.4567
        {QRegularExpression(before + QStringLiteral("\\d{3}[.\\-]\\d{3}[.\\-]\\d{4}") + after), 10,
         10},
        // 030 1234567, 0170/1234567, 020 7946 0958, 01 23 45 67 89
        {QRegularExpression(before + QStringLiteral("0\\d{1,4}(?:[ \\-/]\\d{2,8}){1,4}") + after),
         9, 12},
    };

    QString s = text;
    s.replace(credentials, QStringLiteral("\\1[credentials]@"));
    s.replace(password, QStringLiteral("\\1=[secret]"));
    s.replace(email, QStringLiteral("[email]"));
    s = replaceEach(s, uuid, [&](const Match &m) { return hashId(m.captured()); });
    for (const PhonePattern &p : phones) {
        s = replaceEach(s, p.re, [&](const Match &m) -> std::optional<QString> {
            const qsizetype n = digitCount(m.capturedView());
            if (n < p.minDigits || n > p.maxDigits)
                return std::nullopt;
            return QStringLiteral("[phone]");
        });
    }
    s = replaceEach(s, m_datasets, [&](const Match &m) { return datasetToken(m.captured()); });
    s = replaceEach(s, m_tenant, [](const Match &) { return QStringLiteral("[tenant]"); });
    s = replaceEach(s, m_people, [](const Match &) { return QStringLiteral("[person]"); });
    s = replaceEach(s, m_personParts, [&](const Match &m) {
        return m_tenantParts.contains(m.captured()) ? QStringLiteral("[tenant]")
                                                    : QStringLiteral("[person]");
    });
    return s;
}

bool Anonymiser::isLabelPath(const QString &path)
{
    static const QSet<QString> labels{QStringLiteral("task_type"),
                                      QStringLiteral("dataset_type"),
                                      QStringLiteral("issue_type"),
                                      QStringLiteral("input.dataset.type"),
                                      QStringLiteral("output.outcome"),
                                      QStringLiteral("output.ranking.verdict"),
                                      QStringLiteral("metadata.verdict"),
                                      QStringLiteral("messages.role"),
                                      QStringLiteral("input.alert.anomaly_type"),
                                      QStringLiteral("input.alert.severity")};
    return labels.contains(path);
}

bool Anonymiser::isFormatObject(const QString &path)
{
    static const QSet<QString> objects{QString(),
                                       QStringLiteral("input"),
                                       QStringLiteral("input.dataset"),
                                       QStringLiteral("input.schema"),
                                       QStringLiteral("input.known_quirks"),
                                       QStringLiteral("input.hypotheses"),
                                       QStringLiteral("input.evidence"),
                                       QStringLiteral("output"),
                                       QStringLiteral("output.ranking"),
                                       QStringLiteral("metadata"),
                                       QStringLiteral("messages")};
    return objects.contains(path);
}

QJsonValue Anonymiser::apply(const QJsonValue &v, const QString &path) const
{
    static const QRegularExpression labelShape(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    if (v.isString()) {
        const QString s = v.toString();
        if (isLabelPath(path) && labelShape.match(s).hasMatch())
            return v;
        return maskText(s);
    }
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &e : v.toArray())
            a.append(apply(e, path));
        return a;
    }
    if (v.isObject()) {
        const bool ours = isFormatObject(path);
        QJsonObject o;
        const QJsonObject in = v.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            const QString child = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            QString key = ours ? it.key() : maskText(it.key());
            // Two keys masked alike ("[person]") must not overwrite each other.
            if (o.contains(key)) {
                int n = 2;
                while (o.contains(key + QLatin1Char('~') + QString::number(n)))
                    ++n;
                key += QLatin1Char('~') + QString::number(n);
            }
            o.insert(key, apply(it.value(), child));
        }
        return o;
    }
    return v;
}

QByteArray Anonymiser::apply(QByteArrayView jsonLine) const
{
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(jsonLine.data(), jsonLine.size()));
    return QJsonDocument(apply(QJsonValue(doc.object())).toObject()).toJson(QJsonDocument::Compact);
}

} // namespace ke
