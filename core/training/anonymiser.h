#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ke {

/// Masks one tenant's exported training lines for a cross-tenant export (docs/fine-tuning.md,
/// "Privacy", says the same in prose; keep the two in step).
///
/// In every JSON string value, and in every key of the objects the product does not define
/// itself (the orchestrator's `alert`, dataset `metadata`, `schema`, `lineage`, ...):
/// - URLs with credentials (`scheme://user:pass@host`) lose them (`scheme://[credentials]@host`),
///   libpq's `password=...` becomes `password=[secret]`;
/// - e-mail addresses become `[email]`;
/// - UUIDs in any spelling (canonical, upper case, braces, 32 hex digits without hyphens)
///   become HMAC-SHA256(key, canonical lower-case form), shaped as a UUID, so every spelling
///   of one id gives the same stable value;
/// - phone numbers become `[phone]`: international (`+49 30 1234567`, `+1-555-123-4567`,
///   `0049 30 1234567`) and common national spellings (`(555) 123-4567`, `555-123-4567`,
///   `030 1234567`, `0170/1234567`, `01 23 45 67 89`). Plain digit runs, dates, times, counts,
///   decimals and row numbers are never phone numbers;
/// - the tenant's name and slug become `[tenant]` (also inside identifiers: `acme_prod`);
/// - people (handles, display names, e-mails) become `[person]`; a display name's parts of at
///   least 3 letters are masked too when written capitalised (`Maria`, `MARIA`), so that a
///   person called Will does not mask every "will";
/// - dataset names become `dataset-<16 hex digits>` (HMAC with the key).
/// Terms shorter than 3 characters (a handle such as `a`) are never masked: they would mangle
/// ordinary text. A few values are labels of the format and stay readable, but only at their
/// known paths and only while they look like a label (a lower-case identifier): see
/// isLabelPath().
///
/// Immutable after construction; apply() may be called from several threads at once.
class Anonymiser
{
public:
    struct Names
    {
        QStringList people; ///< handles, display names, e-mails (whole terms)
        QStringList tenant; ///< the tenant's name and slug
        QStringList datasets; ///< dataset names (empty when the tenant allows them)
    };

    Anonymiser(QByteArray key, Names names);

    /// One exported line (a JSON object), anonymised, compact.
    QByteArray apply(QByteArrayView jsonLine) const;
    /// A JSON value found at `path` (keys joined by '.', array elements add nothing).
    QJsonValue apply(const QJsonValue &value, const QString &path = QString()) const;
    /// Free text.
    QString maskText(const QString &text) const;

    /// HMAC-SHA256(key, canonical lower-case uuid) shaped as a UUID.
    QString hashId(const QString &uuid) const;
    /// "dataset-" + 16 hex digits of HMAC-SHA256(key, lower-case name).
    QString datasetToken(const QString &name) const;

    /// Whether a string value at `path` is a label of the format (task_type, verdict, ...).
    static bool isLabelPath(const QString &path);
    /// Whether the object at `path` is one the product builds (its keys are the format's).
    static bool isFormatObject(const QString &path);

private:
    QByteArray m_key;
    QRegularExpression m_tenant;
    QRegularExpression m_people;
    QRegularExpression m_personParts; ///< capitalised parts of people's and the tenant's names
    QSet<QString> m_tenantParts;
    QRegularExpression m_datasets;
};

} // namespace ke
