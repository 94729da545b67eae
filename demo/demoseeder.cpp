#include "demoseeder.h"

#include "database_p.h"
#include "demoseeder_data.h"
#include "eventlog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <random>
#include <unordered_map>

namespace ke {

namespace {

using namespace ke::demo;

constexpr qint64 msPerSecond = 1000;
constexpr qint64 msPerMinute = 60 * msPerSecond;
constexpr qint64 msPerHour = 60 * msPerMinute;
constexpr qint64 msPerDay = 24 * msPerHour;

quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// The seeded generator with the few draws the seeder needs. Distributions are written out
/// by hand because std::uniform_*_distribution may differ between standard libraries, and
/// the same seed must give the same data everywhere.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_g(seed)
    { }
    quint64 next() { return m_g(); }
    /// Uniform in [lo, hi].
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }
    /// Uniform in [0, 1).
    double real() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double real(double lo, double hi) { return lo + (hi - lo) * real(); }
    bool chance(double p) { return real() < p; }
    template <typename T, size_t N> const T &pick(const T (&a)[N]) { return a[size_t(next() % N)]; }
    template <typename T> const T &pick(const std::vector<T> &v)
    {
        return v[size_t(next() % v.size())];
    }

    /// A UUIDv7 whose timestamp is `ms` and whose random bits come from this generator.
    QUuid uuidV7(qint64 ms)
    {
        std::array<quint8, 16> b{};
        const quint64 t = quint64(ms);
        for (int i = 0; i < 6; ++i)
            b[size_t(i)] = quint8(t >> (40 - 8 * i));
        const quint64 r1 = next();
        const quint64 r2 = next();
        for (int i = 0; i < 5; ++i)
            b[size_t(6 + i)] = quint8(r1 >> (8 * i));
        for (int i = 0; i < 5; ++i)
            b[size_t(11 + i)] = quint8(r2 >> (8 * i));
        b[6] = quint8(0x70 | (b[6] & 0x0f));
        b[8] = quint8(0x80 | (b[8] & 0x3f));
        return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b.data()), 16));
    }

private:
    std::mt19937_64 m_g;
};

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QString idString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

/// Values for the {slots} of the templates.
class Slots
{
public:
    void set(const char *key, QString value) { m_values[QLatin1String(key)] = std::move(value); }

    /// The template with its slots filled, first letter capitalised (a sentence).
    QString sentence(const char *text) const
    {
        QString out = fill(text);
        if (!out.isEmpty())
            out[0] = out[0].toUpper();
        return out;
    }

    QString fill(const char *text) const
    {
        const QString t = QString::fromUtf8(text);
        QString out;
        out.reserve(t.size() + 32);
        qsizetype i = 0;
        while (i < t.size()) {
            const qsizetype open = t.indexOf(QLatin1Char('{'), i);
            if (open < 0) {
                out += QStringView(t).mid(i);
                break;
            }
            const qsizetype close = t.indexOf(QLatin1Char('}'), open);
            if (close < 0) {
                out += QStringView(t).mid(i);
                break;
            }
            out += QStringView(t).mid(i, open - i);
            const QString key = t.mid(open + 1, close - open - 1);
            const auto it = m_values.find(key);
            if (it != m_values.end())
                out += it->second;
            else
                out += QStringView(t).mid(open, close - open + 1); // e.g. SQL with braces
            i = close + 1;
        }
        return out;
    }

private:
    struct Hash
    {
        size_t operator()(const QString &s) const { return qHash(s); }
    };
    std::unordered_map<QString, QString, Hash> m_values;
};

QString dateText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate);
}

QString dayText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .date()
        .toString(QStringLiteral("dddd d MMMM"));
}

QString hourText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("HH:mm 'UTC'"));
}

QString upstreamOf(const QString &name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    const QString schema = name.left(dot);
    const QString table = name.mid(dot + 1);
    if (schema == QLatin1String("raw"))
        return QStringLiteral("landing.") + table;
    return QStringLiteral("staging.stg_") + table;
}

/// Builds the events of one investigation (or of one dataset's quirks).
class Trace
{
public:
    Trace(const DemoTenant &tenant, QUuid investigation, QUuid dataset, std::vector<Event> &out,
          Rng &rng)
        : m_tenant(tenant)
        , m_investigation(investigation)
        , m_dataset(dataset)
        , m_out(out)
        , m_rng(rng)
    { }

    Event &add(const char *type, qint64 ms, QJsonObject data, const QUuid &actor, bool system)
    {
        Event e;
        e.id = m_rng.uuidV7(ms);
        e.tenantId = m_tenant.id;
        e.investigationId = m_investigation;
        e.datasetId = m_dataset;
        e.eventType = QLatin1String(type);
        e.data = std::move(data);
        e.actorId = actor;
        e.actorType = system ? QStringLiteral("system") : QStringLiteral("user");
        e.createdAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        m_out.push_back(std::move(e));
        return m_out.back();
    }
    Event &system(const char *type, qint64 ms, QJsonObject data)
    {
        return add(type, ms, std::move(data), m_tenant.orchestratorId, true);
    }

private:
    const DemoTenant &m_tenant;
    QUuid m_investigation;
    QUuid m_dataset;
    std::vector<Event> &m_out;
    Rng &m_rng;
};

void fillDatasetSlots(Slots &s, const DemoDataset &ds)
{
    const DatasetTemplate &t = datasetPool[ds.poolIndex];
    const QString name = QString::fromUtf8(t.name);
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    s.set("table", name);
    s.set("schema", name.left(dot));
    s.set("name", name.mid(dot + 1));
    s.set("id", QString::fromUtf8(t.id));
    s.set("ts", QString::fromUtf8(t.ts));
    s.set("num", QString::fromUtf8(t.num));
    s.set("cat", QString::fromUtf8(t.cat));
    s.set("fk", QString::fromUtf8(t.fk));
    s.set("source", QString::fromUtf8(t.source));
    s.set("team", QString::fromUtf8(t.ownerTeam));
    s.set("upstream", upstreamOf(name));
}

QString versionText(Rng &r)
{
    return QStringLiteral("v%1.%2.%3")
        .arg(r.between(1, 9))
        .arg(r.between(0, 30))
        .arg(r.between(0, 12));
}

/// 0 … n-1 in an order drawn from `r` (Fisher–Yates, so a seed always gives the same order).
std::vector<int> shuffledIndexes(int n, Rng &r)
{
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        order[size_t(i)] = i;
    for (int i = n - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[size_t(r.between(0, i))]);
    return order;
}

struct Target
{
    int kind; // index into feedbackTargets
    QString id;
    bool good; // whether a fair reviewer would rate it up
};

} // namespace

qint64 DemoSeeder::endTimeMs()
{
    return QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

DemoSeeder::DemoSeeder(quint64 seed)
    : m_seed(seed)
{
    Rng r(splitmix64(seed ^ 0x5eed0000c0ffeeULL));
    const std::array<std::pair<const char *, const char *>, 3> tenants
        = {{{"acme", "Acme Corporation"}, {"globex", "Globex Inc."}, {"initech", "Initech"}}};
    const qint64 catalogMs = endTimeMs() - qint64(windowDays + 30) * msPerDay;
    constexpr int poolSize = int(std::size(datasetPool));
    constexpr int peoplePool = int(std::size(personPool));
    for (const auto &[slug, name] : tenants) {
        DemoTenant t;
        t.id = r.uuidV7(catalogMs);
        t.slug = QLatin1String(slug);
        t.name = QString::fromUtf8(name);
        t.orchestratorId = r.uuidV7(catalogMs);
        // People: 6–10 distinct names from the pool.
        const std::vector<int> order = shuffledIndexes(peoplePool, r);
        const int people = int(r.between(6, 10));
        for (int i = 0; i < people; ++i) {
            const PersonTemplate &p = personPool[order[size_t(i)]];
            DemoPerson person;
            person.id = r.uuidV7(catalogMs);
            const QString first = QString::fromUtf8(p.first);
            const QString last = QString::fromUtf8(p.last);
            person.handle = (first + QLatin1Char('.') + last).toLower();
            person.displayName = first + QLatin1Char(' ') + last;
            person.email = person.handle + QLatin1Char('@') + t.slug + QStringLiteral(".example");
            person.team = QString::fromUtf8(r.pick(teams));
            t.people.push_back(std::move(person));
        }
        // Datasets: 10–20 distinct entries of the catalogue.
        std::vector<int> ds = shuffledIndexes(poolSize, r);
        const int datasets = int(r.between(10, 20));
        std::sort(ds.begin(), ds.begin() + datasets);
        for (int i = 0; i < datasets; ++i) {
            const DatasetTemplate &tpl = datasetPool[ds[size_t(i)]];
            DemoDataset d;
            d.id = r.uuidV7(catalogMs);
            d.poolIndex = ds[size_t(i)];
            d.name = QString::fromUtf8(tpl.name);
            d.description = QString::fromUtf8(tpl.description);
            const DemoPerson &owner = r.pick(t.people);
            d.metadata = QJsonObject{
                {QStringLiteral("owner_team"), QString::fromUtf8(tpl.ownerTeam)},
                {QStringLiteral("owner"), owner.handle},
                {QStringLiteral("kind"), QString::fromUtf8(tpl.kind)},
                {QStringLiteral("source"), QString::fromUtf8(tpl.source)},
                {QStringLiteral("primary_key"), QString::fromUtf8(tpl.id)},
                {QStringLiteral("columns"),
                 QJsonArray{QString::fromUtf8(tpl.id), QString::fromUtf8(tpl.ts),
                            QString::fromUtf8(tpl.num), QString::fromUtf8(tpl.cat),
                            QString::fromUtf8(tpl.fk)}},
                {QStringLiteral("row_count_estimate"), double(r.between(10, 900) * 10000)},
                {QStringLiteral("demo"), true}};
            t.datasets.push_back(std::move(d));
        }
        m_tenants.push_back(std::move(t));
    }
}

int DemoSeeder::tenantOf(qint64 index) const
{
    // Acme is the busiest tenant: 50% / 30% / 20%.
    const quint64 h = splitmix64(m_seed * 0x100000001b3ULL ^ quint64(index) ^ 0x7e4a47ULL) % 10;
    return h < 5 ? 0 : (h < 8 ? 1 : 2);
}

namespace {

/// One investigation as it happens, drawn from one random stream: the alert and the start,
/// each hypothesis with its query (and a retry) and its evidence, the end (a synthesis, or a
/// failure), then people's feedback and comments. The draws are made in the order the events
/// happen, so a seed always tells the same story.
class InvestigationStory
{
public:
    InvestigationStory(Rng &r, const DemoTenant &tenant, std::vector<Event> &out)
        : m_rng(r)
        , m_tenant(tenant)
        , m_dataset(r.pick(tenant.datasets))
        , m_anomalyIndex(int(r.between(0, int(std::size(anomalies)) - 1)))
        , m_anomaly(anomalies[m_anomalyIndex])
        , m_orchestratorShape(r.chance(0.30))
        // Leave two weeks at the end for feedback and re-ratings.
        , m_start(DemoSeeder::endTimeMs() - DemoSeeder::windowDays * msPerDay
                  + r.between(0, (DemoSeeder::windowDays - 14) * msPerDay))
        , m_investigationId(r.uuidV7(m_start))
        , m_trace(tenant, m_investigationId, m_orchestratorShape ? QUuid() : m_dataset.id, out, r)
    { }

    void tell()
    {
        const QJsonObject alert = drawAlert();
        begin(alert);
        // Hypotheses: 2–5 distinct templates, one of them the cause.
        m_count = int(m_rng.between(2, 5));
        for (int i = 5; i > 0; --i)
            std::swap(m_order[size_t(i)], m_order[size_t(m_rng.between(0, i))]);
        m_cause = int(m_rng.between(0, m_count - 1));
        m_failed = m_rng.chance(0.07);
        m_failAfter = m_failed ? int(m_rng.between(2, m_count)) : m_count;

        m_targets.push_back({4, idString(m_investigationId), !m_failed});
        for (int h = 0; h < m_failAfter; ++h) {
            if (!hypothesis(h))
                break;
        }
        finish();
        feedback();
        comments();
    }

private:
    QJsonObject drawAlert();
    void begin(const QJsonObject &alert);
    /// Hypothesis `h` (the h-th of the shuffled templates) and what came of it; false when the
    /// investigation failed on it.
    bool hypothesis(int h);
    /// The query of a hypothesis: once, or a failed first attempt and a retry. Sets `qid` to
    /// the last attempt's; true when it succeeded.
    bool queries(const HypothesisTemplate &ht, const QUuid &hid, bool isCause, QUuid &qid);
    void evidence(const HypothesisTemplate &ht, const QUuid &hid, const QUuid &qid, bool isCause);
    void finish();
    void feedback();
    void comments();

    Rng &m_rng;
    const DemoTenant &m_tenant;
    const DemoDataset &m_dataset;
    const int m_anomalyIndex;
    const AnomalyTemplate &m_anomaly;
    const bool m_orchestratorShape;
    const qint64 m_start;
    const QUuid m_investigationId;
    Trace m_trace;
    Slots m_slots;
    qint64 m_now = 0; ///< the time of the latest event
    int m_count = 0; ///< hypotheses
    std::array<int, 6> m_order{0, 1, 2, 3, 4, 5}; ///< the templates, shuffled
    int m_cause = 0;
    bool m_failed = false;
    int m_failAfter = 0;
    std::vector<Target> m_targets; ///< what people can rate
    QString m_rootCause;
    double m_causeConfidence = 0;
};

QJsonObject InvestigationStory::drawAlert()
{
    fillDatasetSlots(m_slots, m_dataset);
    m_slots.set("version", versionText(m_rng));
    m_slots.set("cat_value", QString::fromUtf8(m_rng.pick(catValues)));
    m_slots.set("date", dateText(m_start - m_rng.between(1, 20) * msPerDay));
    m_slots.set("day", dayText(m_start - m_rng.between(0, 3) * msPerDay));
    m_slots.set("hour_mark", hourText(m_start - m_rng.between(1, 30) * msPerHour));
    m_slots.set("hours", QString::number(m_rng.between(3, 60)));
    m_slots.set("n", QString::number(m_rng.between(2, 4800)));
    const int pct = int(m_rng.between(8, 92));
    m_slots.set("pct", QString::number(pct));
    m_slots.set("pct_lo", QString::number(double(m_rng.between(1, 9)) / 10.0));

    double expected = 0;
    double actual = 0;
    switch (m_anomalyIndex) {
    case 0:
        expected = round2(m_rng.real(0.001, 0.02));
        actual = round2(m_rng.real(0.08, 0.6));
        break;
    case 1:
        expected = double(m_rng.between(80, 3000) * 1000);
        actual = std::round(expected * m_rng.real(0.05, 0.7));
        break;
    case 2:
        expected = double(m_rng.between(12, 60));
        actual = expected + double(m_rng.between(-3, 4) | 1);
        break;
    case 3:
        expected = 0;
        actual = round2(m_rng.real(0.01, 0.25));
        break;
    case 4:
        expected = double(m_rng.between(1, 6));
        actual = expected + double(m_rng.between(6, 72));
        break;
    default:
        expected = 0.1;
        actual = round2(m_rng.real(0.22, 0.9));
        break;
    }
    m_slots.set("expected_n", QString::number(qint64(expected)));
    m_slots.set("actual_n", QString::number(qint64(actual)));
    const QString metric = m_slots.fill(m_anomaly.metric);
    m_slots.set("metric", metric);
    static const char *const severities[] = {"low", "medium", "high", "critical"};
    const char *severity = severities[m_rng.between(0, 3)];
    const QJsonObject alert{{QStringLiteral("metric"), metric},
                            {QStringLiteral("expected"), expected},
                            {QStringLiteral("actual"), actual},
                            {QStringLiteral("anomaly_type"), QLatin1String(m_anomaly.type)},
                            {QStringLiteral("severity"), QLatin1String(severity)}};

    return alert;
}

void InvestigationStory::begin(const QJsonObject &alert)
{
    m_now = m_start;
    QJsonObject started{{QStringLiteral("alert"), alert}};
    if (m_orchestratorShape) {
        started.insert(QStringLiteral("dataset_id"),
                       m_rng.chance(0.5) ? QJsonValue(idString(m_dataset.id))
                                         : QJsonValue(m_dataset.name));
        started.insert(QStringLiteral("trigger"), QStringLiteral("monitor"));
    } else {
        started.insert(QStringLiteral("dataset_id"), idString(m_dataset.id));
        started.insert(QStringLiteral("dataset_name"), m_dataset.name);
        started.insert(
            QStringLiteral("title"),
            QStringLiteral("%1 on %2").arg(QLatin1String(m_anomaly.type), m_dataset.name));
    }
    m_trace.system("investigation.started", m_now, started);
    if (m_orchestratorShape) {
        m_now += m_rng.between(1, 8) * msPerSecond;
        m_trace.system(
            "investigation.started", m_now,
            QJsonObject{{QStringLiteral("dataset_id"), m_dataset.name},
                        {QStringLiteral("tables_found"),
                         QJsonArray{m_dataset.name, upstreamOf(m_dataset.name),
                                    QStringLiteral("ops.warehouse_load_audit")}},
                        {QStringLiteral("context"),
                         QJsonObject{{QStringLiteral("stage"), QStringLiteral("discovery")}}}});
    }
}

bool InvestigationStory::hypothesis(int h)
{
    const HypothesisTemplate &ht = hypotheses[m_anomalyIndex][m_order[size_t(h)]];
    const bool isCause = h == m_cause;
    m_now += m_rng.between(3, 40) * msPerSecond;
    const QUuid hid = m_rng.uuidV7(m_now);
    const QString htext = m_slots.sentence(ht.text);
    const double hconf = round2(isCause ? m_rng.real(0.45, 0.9) : m_rng.real(0.1, 0.7));
    const QJsonObject hyp{{QStringLiteral("hypothesis_id"), idString(hid)},
                          {QStringLiteral("text"), htext},
                          {QStringLiteral("confidence"), hconf},
                          {QStringLiteral("rank"), h + 1}};
    m_trace.system("hypothesis.generated", m_now, hyp);
    m_targets.push_back({0, idString(hid), isCause});

    QUuid qid;
    const bool succeeded = queries(ht, hid, isCause, qid);
    if (m_failed && h == m_failAfter - 1)
        return false;

    if (succeeded)
        evidence(ht, hid, qid, isCause);
    m_now += m_rng.between(1, 5) * msPerSecond;
    QJsonObject verdict = hyp;
    verdict.insert(QStringLiteral("confidence"),
                   round2(isCause ? m_rng.real(0.75, 0.98) : m_rng.real(0.02, 0.3)));
    m_trace.system(isCause ? "hypothesis.accepted" : "hypothesis.rejected", m_now, verdict);
    if (isCause) {
        m_rootCause = m_slots.sentence(ht.rootCause);
        m_causeConfidence = verdict.value(QStringLiteral("confidence")).toDouble();
    }
    return true;
}

bool InvestigationStory::queries(const HypothesisTemplate &ht, const QUuid &hid, bool isCause,
                                 QUuid &qid)
{
    // One query, sometimes a failed first attempt and a retry.
    const int attempts = m_rng.chance(0.12) ? 2 : 1;
    bool succeeded = false;
    for (int a = 0; a < attempts; ++a) {
        m_now += m_rng.between(2, 15) * msPerSecond;
        qid = m_rng.uuidV7(m_now);
        QString sql = m_slots.fill(ht.sql);
        const bool fails = attempts == 2 && a == 0;
        const QString ts = m_slots.fill("{ts}");
        const bool misnamed = fails && sql.contains(ts);
        if (misnamed)
            sql.replace(ts, ts + QStringLiteral("_utc"));
        const QJsonObject q{{QStringLiteral("query_id"), idString(qid)},
                            {QStringLiteral("hypothesis_id"), idString(hid)},
                            {QStringLiteral("sql"), sql},
                            {QStringLiteral("purpose"), m_slots.fill(ht.purpose)}};
        m_trace.system("query.planned", m_now, q);
        m_now += m_rng.between(1, 5) * msPerSecond;
        m_trace.system("query.submitted", m_now, q);
        const qint64 duration = m_rng.between(40, 45000);
        m_now += m_rng.between(50, 400);
        QJsonObject executed = q;
        executed.insert(QStringLiteral("warehouse"), QStringLiteral("ANALYTICS_WH"));
        m_trace.system("query.executed", m_now, executed);
        m_now += duration;
        if (fails) {
            QJsonObject f = q;
            f.insert(QStringLiteral("error"),
                     misnamed ? m_slots.fill(
                         "ERROR: column \"{ts}_utc\" does not exist (SQLSTATE 42703)")
                              : QStringLiteral("ERROR: canceling statement due to statement "
                                               "timeout (SQLSTATE 57014)"));
            f.insert(QStringLiteral("duration_ms"), double(duration));
            m_trace.system("query.failed", m_now, f);
            if (a == 0)
                m_targets.push_back({1, idString(qid), false});
        } else {
            QJsonObject ok = q;
            ok.insert(QStringLiteral("row_count"), double(m_rng.between(1, 5000)));
            ok.insert(QStringLiteral("duration_ms"), double(duration));
            m_trace.system("query.succeeded", m_now, ok);
            m_targets.push_back({1, idString(qid), isCause || m_rng.chance(0.5)});
            succeeded = true;
        }
    }
    return succeeded;
}

void InvestigationStory::evidence(const HypothesisTemplate &ht, const QUuid &hid, const QUuid &qid,
                                  bool isCause)
{
    m_now += m_rng.between(2, 20) * msPerSecond;
    const QUuid eid = m_rng.uuidV7(m_now);
    const bool supports = isCause || m_rng.chance(0.1);
    const double econf = round2(supports ? m_rng.real(0.6, 0.97) : m_rng.real(0.5, 0.9));
    QJsonObject ev{{QStringLiteral("evidence_id"), idString(eid)},
                   {QStringLiteral("hypothesis_id"), idString(hid)},
                   {QStringLiteral("query_id"), idString(qid)},
                   {QStringLiteral("summary"),
                    m_slots.sentence(supports ? ht.evidenceFor : ht.evidenceAgainst)},
                   {QStringLiteral("supports"), supports},
                   {QStringLiteral("confidence"), econf}};
    m_trace.system("evidence.collected", m_now, ev);
    m_now += m_rng.between(1, 10) * msPerSecond;
    m_trace.system("evidence.evaluated", m_now, ev);
    m_targets.push_back({2, idString(eid), isCause ? true : !supports});
}

void InvestigationStory::finish()
{
    if (m_failed) {
        m_now += m_rng.between(5, 120) * msPerSecond;
        m_trace.system(
            "investigation.failed", m_now,
            QJsonObject{{QStringLiteral("error"), m_slots.sentence(m_anomaly.failure)},
                        {QStringLiteral("duration_seconds"), double((m_now - m_start) / 1000)}});
    } else {
        m_now += m_rng.between(5, 30) * msPerSecond;
        const QUuid sid = m_rng.uuidV7(m_now);
        QJsonArray recs;
        const int nrec = int(m_rng.between(2, 3));
        const int firstRec = int(m_rng.between(0, 3));
        for (int i = 0; i < nrec; ++i)
            recs.append(m_slots.sentence(recommendations[m_anomalyIndex][(firstRec + i) % 4]));
        m_trace.system("synthesis.generated", m_now,
                       QJsonObject{{QStringLiteral("synthesis_id"), idString(sid)},
                                   {QStringLiteral("root_cause"), m_rootCause},
                                   {QStringLiteral("confidence"), round2(m_causeConfidence * 0.95)},
                                   {QStringLiteral("recommendations"), recs}});
        m_targets.push_back({3, idString(sid), true});
        m_now += m_rng.between(1, 5) * msPerSecond;
        m_trace.system(
            "investigation.completed", m_now,
            QJsonObject{{QStringLiteral("root_cause"), m_rootCause},
                        {QStringLiteral("confidence"), round2(m_causeConfidence * 0.95)},
                        {QStringLiteral("duration_seconds"), double((m_now - m_start) / 1000)}});
    }
}

void InvestigationStory::feedback()
{
    const qint64 done = m_now;
    // Several people; some rate again later.
    const int raters = m_rng.chance(0.8)
        ? int(m_rng.between(1, std::min<qint64>(4, qint64(m_tenant.people.size()))))
        : 0;
    for (int p = 0; p < raters; ++p) {
        const DemoPerson &person
            = m_tenant.people[size_t(m_rng.between(0, qint64(m_tenant.people.size()) - 1))];
        const int ratings = int(m_rng.between(1, 4));
        qint64 ft = done + m_rng.between(5 * msPerMinute, 3 * msPerDay);
        for (int k = 0; k < ratings; ++k) {
            const Target &target = m_rng.pick(m_targets);
            const int rating = m_rng.chance(target.good ? 0.8 : 0.3) ? 1 : -1;
            for (int again = 0; again < 2; ++again) {
                const int value = again == 0 ? rating : (m_rng.chance(0.4) ? -rating : rating);
                QJsonObject fb{{QStringLiteral("target_id"), target.id},
                               {QStringLiteral("rating"), value}};
                if (m_rng.chance(0.85))
                    fb.insert(
                        QStringLiteral("reason"),
                        QLatin1String(m_rng.pick(quickReasons[target.kind][value > 0 ? 1 : 0])));
                if (!m_orchestratorShape) {
                    if (m_rng.chance(0.3))
                        fb.insert(
                            QStringLiteral("comment"),
                            m_slots.sentence(m_rng.pick(feedbackComments[value > 0 ? 1 : 0])));
                    fb.insert(
                        QStringLiteral("context"),
                        QJsonObject{
                            {QStringLiteral("dataset"), m_dataset.name},
                            {QStringLiteral("anomaly_type"), QLatin1String(m_anomaly.type)},
                            {QStringLiteral("client"), QStringLiteral("knowledge-explorer")}});
                }
                const QByteArray type
                    = QByteArrayLiteral("feedback.") + feedbackTargets[target.kind];
                m_trace.add(type.constData(), ft, fb, person.id, false);
                if (!m_rng.chance(0.12))
                    break; // most people rate once
                ft += m_rng.between(1 * msPerHour, 7 * msPerDay);
                if (ft >= DemoSeeder::endTimeMs())
                    break; // everything stays inside the window
            }
            ft += m_rng.between(10 * msPerSecond, 20 * msPerMinute);
            if (ft >= DemoSeeder::endTimeMs())
                break;
        }
    }
}

void InvestigationStory::comments()
{
    const qint64 done = m_now;
    if (m_rng.chance(0.25)) {
        const int written = int(m_rng.between(1, 2));
        qint64 ct = done + m_rng.between(10 * msPerMinute, 5 * msPerDay);
        for (int c = 0; c < written; ++c) {
            const DemoPerson &person = m_rng.pick(m_tenant.people);
            const Target &target
                = m_targets[m_rng.chance(0.5)
                                ? 0
                                : size_t(m_rng.between(0, qint64(m_targets.size()) - 1))];
            m_trace.add(
                "comment.added", ct,
                QJsonObject{
                    {QStringLiteral("text"), m_slots.sentence(m_rng.pick(commentTexts))},
                    {QStringLiteral("target_id"), target.id},
                    {QStringLiteral("target_type"), QLatin1String(feedbackTargets[target.kind])}},
                person.id, false);
            ct += m_rng.between(5 * msPerMinute, 2 * msPerDay);
        }
    }
}

} // namespace

void DemoSeeder::appendInvestigation(qint64 index, std::vector<Event> &out) const
{
    Rng r(splitmix64(splitmix64(m_seed) + quint64(index)));
    const size_t first = out.size();
    InvestigationStory(r, m_tenants[size_t(tenantOf(index))], out).tell();
    // Feedback and comments interleave between people: keep the investigation in time order.
    std::stable_sort(out.begin() + qsizetype(first), out.end(),
                     [](const Event &a, const Event &b) { return a.createdAt < b.createdAt; });
}

void DemoSeeder::appendCatalogEvents(std::vector<Event> &out) const
{
    Rng r(splitmix64(m_seed ^ 0x9a1c0ULL));
    const qint64 windowStart = endTimeMs() - windowDays * msPerDay;
    for (const DemoTenant &tenant : m_tenants) {
        for (const DemoDataset &ds : tenant.datasets) {
            Slots s;
            fillDatasetSlots(s, ds);
            Trace trace(tenant, ds.id, ds.id, out, r);
            const int quirks = int(r.between(1, 4));
            std::vector<int> texts(std::size(quirkTexts));
            for (size_t i = 0; i < texts.size(); ++i)
                texts[i] = int(i);
            for (size_t i = texts.size() - 1; i > 0; --i)
                std::swap(texts[i], texts[size_t(r.between(0, qint64(i)))]);
            for (int q = 0; q < quirks; ++q) {
                // Edits, confirmations and retirement follow within 55 days: stay inside the
                // window.
                qint64 t = windowStart + r.between(0, (windowDays - 60) * msPerDay);
                s.set("version", versionText(r));
                s.set("date", dateText(t - r.between(5, 90) * msPerDay));
                const QUuid qid = r.uuidV7(t);
                const QString text = s.sentence(quirkTexts[texts[size_t(q)]]);
                const DemoPerson &author = r.pick(tenant.people);
                const QString appliesTo = r.chance(0.5)
                    ? ds.name
                    : ds.name + QLatin1Char('.') + s.fill(r.chance(0.5) ? "{ts}" : "{fk}");
                trace.add("quirk.added", t,
                          QJsonObject{{QStringLiteral("quirk_id"), idString(qid)},
                                      {QStringLiteral("text"), text},
                                      {QStringLiteral("applies_to"), appliesTo}},
                          author.id, false);
                if (r.chance(0.3)) {
                    t += r.between(1 * msPerHour, 20 * msPerDay);
                    trace.add("quirk.edited", t,
                              QJsonObject{{QStringLiteral("quirk_id"), idString(qid)},
                                          {QStringLiteral("text"),
                                           QString(text + s.fill(r.pick(quirkEditSuffix)))}},
                              r.pick(tenant.people).id, false);
                }
                const int confirmations = r.chance(0.6) ? int(r.between(1, 3)) : 0;
                for (int c = 0; c < confirmations; ++c) {
                    t += r.between(1 * msPerHour, 10 * msPerDay);
                    trace.add("quirk.confirmed", t,
                              QJsonObject{{QStringLiteral("quirk_id"), idString(qid)}},
                              r.pick(tenant.people).id, false);
                }
                if (r.chance(0.15)) {
                    t += r.between(1 * msPerDay, 5 * msPerDay);
                    trace.add("quirk.retired", t,
                              QJsonObject{{QStringLiteral("quirk_id"), idString(qid)},
                                          {QStringLiteral("reason"),
                                           s.sentence(r.pick(quirkRetireReasons))}},
                              r.pick(tenant.people).id, false);
                }
            }
        }
    }
}

Result<DemoSeedSummary> DemoSeeder::write(Database &db, qint64 investigations,
                                          const std::function<void(qint64, qint64)> &progress,
                                          int batchSize)
{
    QElapsedTimer timer;
    timer.start();
    DemoSeedSummary summary;
    Database::Private *d = databasePrivate(db);

    // Which tenants exist already, and whether they are the seeder's: all are checked before
    // anything is written, so a refusal leaves every tenant as it was.
    auto existing = db.tenants();
    if (!existing)
        return existing.error();
    std::vector<bool> ours(m_tenants.size(), true); // made by the seeder, or found empty
    for (size_t i = 0; i < m_tenants.size(); ++i) {
        const DemoTenant &tenant = m_tenants[i];
        const auto found
            = std::find_if(existing->cbegin(), existing->cend(),
                           [&](const Database::TenantInfo &t) { return t.slug == tenant.slug; });
        if (found == existing->cend())
            continue;
        if (auto set = db.setTenant(idString(found->id)); !set)
            return set.error();
        auto state
            = guarded(tr("checking whether tenant '%1' holds demo data").arg(tenant.slug),
                      [&]() -> Result<bool> {
                          pqxx::nontransaction tx(d->conn);
                          const pqxx::result r = tx.exec_params(
                              "SELECT coalesce((SELECT settings->'demo' = 'true'::jsonb FROM "
                                  + toStd(db.table(QStringLiteral("tenants")))
                                  + " WHERE id = $1), false), EXISTS (SELECT 1 FROM "
                                  + toStd(db.eventsTable()) + " WHERE tenant_id = $1)",
                              uuidToStd(found->id));
                          return r[0][0].as<bool>() || !r[0][1].as<bool>();
                      });
        if (!state)
            return state.error();
        ours[i] = *state;
        if (!ours[i] && !m_force)
            return makeError(
                ErrorCode::Refused,
                tr("tenant '%1' already holds events that demo-seed did not write — it looks "
                   "like real data, and the event log is append-only, so nothing was written; "
                   "seed a database of its own (scripts/postgres start gives a private one), or "
                   "pass --force if this really is a demo database")
                    .arg(tenant.slug));
    }

    // Tenants, people and datasets; adopt the ids already stored.
    for (size_t i = 0; i < m_tenants.size(); ++i) {
        DemoTenant &tenant = m_tenants[i];
        auto id = db.createTenant(tenant.slug, tenant.name, tenant.id);
        if (!id)
            return id.error();
        tenant.id = *id;
        if (auto set = db.setTenant(idString(tenant.id)); !set)
            return set.error();
        auto upserted = guarded(
            tr("writing the people and datasets of tenant '%1'").arg(tenant.slug),
            [&]() -> Result<void> {
                pqxx::work tx(d->conn);
                const std::string people = toStd(db.table(QStringLiteral("people")));
                const std::string datasets = toStd(db.table(QStringLiteral("datasets")));
                if (ours[i])
                    tx.exec_params("UPDATE " + toStd(db.table(QStringLiteral("tenants")))
                                       + " SET settings = coalesce(settings, '{}'::jsonb) || "
                                         "'{\"demo\": true}'::jsonb WHERE id = $1",
                                   uuidToStd(tenant.id));
                // A person already there keeps their name and e-mail: it may be a real one.
                for (DemoPerson &p : tenant.people) {
                    const pqxx::result r
                        = tx.exec_params("INSERT INTO " + people
                                             + " (tenant_id, id, handle, display_name, email) "
                                               "VALUES ($1, $2, $3, $4, $5) ON CONFLICT "
                                               "(tenant_id, handle) DO UPDATE SET "
                                               "handle = EXCLUDED.handle RETURNING id",
                                         uuidToStd(tenant.id), uuidToStd(p.id), toStd(p.handle),
                                         toStd(p.displayName), toStd(p.email));
                    p.id = uuidFromField(r[0][0]);
                }
                // The seeder's own tenants get the catalogue's descriptions; others keep theirs.
                const std::string onConflict = ours[i]
                    ? "DO UPDATE SET description = EXCLUDED.description, metadata = "
                      "EXCLUDED.metadata"
                    : "DO UPDATE SET name = EXCLUDED.name";
                for (DemoDataset &ds : tenant.datasets) {
                    const QByteArray meta
                        = QJsonDocument(ds.metadata).toJson(QJsonDocument::Compact);
                    const pqxx::result r
                        = tx.exec_params("INSERT INTO " + datasets
                                             + " (tenant_id, id, name, description, metadata) "
                                               "VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT "
                                               "(tenant_id, name) "
                                             + onConflict + " RETURNING id",
                                         uuidToStd(tenant.id), uuidToStd(ds.id), toStd(ds.name),
                                         toStd(ds.description), meta.toStdString());
                    ds.id = uuidFromField(r[0][0]);
                }
                tx.commit();
                return {};
            });
        if (!upserted)
            return upserted.error();
        summary.people += int(tenant.people.size());
        summary.datasets += int(tenant.datasets.size());
    }
    summary.tenants = int(m_tenants.size());

    // Events, buffered per tenant (the session's tenant must match the rows under RLS).
    EventLog log(db);
    std::vector<std::vector<Event>> buffers(m_tenants.size());
    int current = -1;
    auto flush = [&](int tenant) -> Result<void> {
        std::vector<Event> &batch = buffers[size_t(tenant)];
        if (batch.empty())
            return {};
        if (current != tenant) {
            if (auto set = db.setTenant(idString(m_tenants[size_t(tenant)].id)); !set)
                return set.error();
            current = tenant;
        }
        auto written = log.emitBatch(batch);
        if (!written)
            return written.error();
        summary.eventsGenerated += qint64(batch.size());
        summary.eventsWritten += *written;
        batch.clear();
        return {};
    };
    {
        std::vector<Event> catalog;
        appendCatalogEvents(catalog);
        for (Event &e : catalog) {
            const auto it = std::find_if(m_tenants.begin(), m_tenants.end(),
                                         [&](const DemoTenant &t) { return t.id == e.tenantId; });
            buffers[size_t(it - m_tenants.begin())].push_back(std::move(e));
        }
    }
    for (qint64 i = 0; i < investigations; ++i) {
        const int tenant = tenantOf(i);
        appendInvestigation(i, buffers[size_t(tenant)]);
        if (qsizetype(buffers[size_t(tenant)].size()) >= batchSize) {
            if (auto f = flush(tenant); !f)
                return f.error();
            if (progress)
                progress(i + 1, investigations);
        }
    }
    for (int t = 0; t < int(buffers.size()); ++t) {
        if (auto f = flush(t); !f)
            return f.error();
    }
    if (progress)
        progress(investigations, investigations);
    summary.investigations = investigations;
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace ke
