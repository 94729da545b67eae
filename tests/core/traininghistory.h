#pragma once

// Hand-built investigation histories for the training pipeline tests, inserted by raw SQL
// into the test schema's feedback_events, as an orchestrator would write them.

#include "testdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace ke::test {

/// Writes events for one tenant; times are base + offset seconds.
class HistoryWriter
{
public:
    HistoryWriter(TestDatabase &db, QUuid tenant,
                  QDateTime base = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC))
        : m_db(db)
        , m_tenant(tenant)
        , m_base(std::move(base))
    { }

    QUuid event(const QUuid &investigation, const QString &type, const QJsonObject &data,
                int offsetSeconds, const QUuid &actor = {}, const QUuid &dataset = {})
    {
        const QUuid id = QUuid::createUuid();
        m_db.exec(QStringLiteral("INSERT INTO feedback_events (id, tenant_id, investigation_id, "
                                 "dataset_id, event_type, event_data, actor_id, actor_type, "
                                 "created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, "
                                 "$9::timestamptz)"),
                  {id, m_tenant, investigation, SqlValue::orNull(dataset), type,
                   QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)),
                   SqlValue::orNull(actor), actor.isNull() ? "system" : "user",
                   m_base.addSecs(offsetSeconds).toString(Qt::ISODate)});
        return id;
    }

    QUuid feedback(const QUuid &investigation, const QString &target, const QString &targetId,
                   int rating, const QUuid &actor, int offsetSeconds, const QString &comment = {})
    {
        QJsonObject d{{QStringLiteral("target_id"), targetId}, {QStringLiteral("rating"), rating}};
        if (!comment.isEmpty())
            d.insert(QStringLiteral("comment"), comment);
        return event(investigation, QStringLiteral("feedback.") + target, d, offsetSeconds, actor);
    }

    QUuid person(const QString &handle, const QString &name)
    {
        const QUuid id = QUuid::createUuid();
        m_db.exec(QStringLiteral("INSERT INTO people (tenant_id, id, handle, display_name, email) "
                                 "VALUES ($1, $2, $3, $4, $3 || '@example.com')"),
                  {m_tenant, id, handle, name});
        return id;
    }

    QUuid dataset(const QString &name, const QJsonObject &metadata = {})
    {
        const QUuid id = QUuid::createUuid();
        m_db.exec(QStringLiteral("INSERT INTO datasets (tenant_id, id, name, metadata) VALUES "
                                 "($1, $2, $3, $4::jsonb)"),
                  {m_tenant, id, name,
                   QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact))});
        return id;
    }

private:
    TestDatabase &m_db;
    QUuid m_tenant;
    QDateTime m_base;
};

inline QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> kv)
{
    QJsonObject o;
    for (const auto &p : kv)
        o.insert(p.first, p.second);
    return o;
}

/// Tenant "acme": investigation I1 on public.orders (named only inside investigation.started)
/// with two hypotheses, two queries, evidence, a synthesis and re-ratings; investigation I2 on
/// app.click_stream (by UUID) ending in investigation.completed without a synthesis.
struct AcmeHistory
{
    QUuid tenant;
    QUuid alice, bob, carol;
    QUuid orders, clicks;
    QUuid i1, i2;
    QUuid h1Event, h2Event, aliceOldRating, aliceNewRating, q1Submitted, s1Event;
    QUuid startedEvent;

    void write(TestDatabase &db, const QString &slug = QStringLiteral("acme"))
    {
        tenant = db.createTenant(slug);
        HistoryWriter w(db, tenant);
        alice = w.person(QStringLiteral("alice"), QStringLiteral("Alice Example"));
        bob = w.person(QStringLiteral("bob"), QStringLiteral("Bob Sample"));
        carol = w.person(QStringLiteral("carol"), QStringLiteral("Carol Tester"));
        orders = w.dataset(QStringLiteral("public.orders"));
        clicks = w.dataset(QStringLiteral("app.click_stream"),
                           obj({{QStringLiteral("kind"), QStringLiteral("events")}}));
        i1 = QUuid::createUuid();
        i2 = QUuid::createUuid();
        const QUuid quirkInv = QUuid::createUuid(); // quirk events belong to no investigation

        // Quirks of public.orders: Q1 added then edited, Q2 added then retired, all before I1
        // started; Q3 only after.
        w.event(quirkInv, QStringLiteral("quirk.added"),
                obj({{QStringLiteral("quirk_id"), QStringLiteral("q-1")},
                     {QStringLiteral("text"), QStringLiteral("ETL lags on weekends")}}),
                0, alice, orders);
        w.event(quirkInv, QStringLiteral("quirk.edited"),
                obj({{QStringLiteral("quirk_id"), QStringLiteral("q-1")},
                     {QStringLiteral("text"), QStringLiteral("ETL lags two days on weekends")}}),
                10, alice, orders);
        w.event(quirkInv, QStringLiteral("quirk.added"),
                obj({{QStringLiteral("quirk_id"), QStringLiteral("q-2")},
                     {QStringLiteral("text"), QStringLiteral("Test orders from QA")}}),
                20, bob, orders);
        w.event(quirkInv, QStringLiteral("quirk.retired"),
                obj({{QStringLiteral("quirk_id"), QStringLiteral("q-2")}}), 30, bob, orders);

        const QJsonObject alert1
            = obj({{QStringLiteral("metric"), QStringLiteral("null_rate(customer_id)")},
                   {QStringLiteral("expected"), 0.01},
                   {QStringLiteral("actual"), 0.3},
                   {QStringLiteral("anomaly_type"), QStringLiteral("null_spike")},
                   {QStringLiteral("severity"), QStringLiteral("high")}});
        startedEvent = w.event(i1, QStringLiteral("investigation.started"),
                               obj({{QStringLiteral("dataset_id"), QStringLiteral("public.orders")},
                                    {QStringLiteral("alert"), alert1}}),
                               100);
        w.event(i1, QStringLiteral("investigation.started"),
                obj({{QStringLiteral("dataset_id"), QStringLiteral("public.orders")},
                     {QStringLiteral("tables_found"),
                      QJsonArray{QStringLiteral("public.orders"),
                                 QStringLiteral("public.customers")}}}),
                105);
        w.event(quirkInv, QStringLiteral("quirk.added"),
                obj({{QStringLiteral("quirk_id"), QStringLiteral("q-3")},
                     {QStringLiteral("text"), QStringLiteral("Added after the investigation")}}),
                5000, carol, orders);

        h1Event
            = w.event(i1, QStringLiteral("hypothesis.generated"),
                      obj({{QStringLiteral("hypothesis_id"), QStringLiteral("h1")},
                           {QStringLiteral("text"), QStringLiteral("The upstream ETL job failed")},
                           {QStringLiteral("confidence"), 0.7}}),
                      110);
        h2Event = w.event(
            i1, QStringLiteral("hypothesis.generated"),
            obj({{QStringLiteral("hypothesis_id"), QStringLiteral("h2")},
                 {QStringLiteral("text"), QStringLiteral("A schema change dropped the column")},
                 {QStringLiteral("confidence"), 0.4}}),
            111);
        w.event(i1, QStringLiteral("hypothesis.accepted"),
                obj({{QStringLiteral("hypothesis_id"), QStringLiteral("h1")}}), 300);
        w.event(i1, QStringLiteral("hypothesis.rejected"),
                obj({{QStringLiteral("hypothesis_id"), QStringLiteral("h2")}}), 301);
        // alice first thumbs h1 down, then up: only the latest counts. bob up.
        aliceOldRating
            = w.feedback(i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), -1, alice, 400);
        aliceNewRating
            = w.feedback(i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), 1, alice, 500);
        w.feedback(i1, QStringLiteral("hypothesis"), QStringLiteral("h1"), 1, bob, 510);
        w.feedback(i1, QStringLiteral("hypothesis"), QStringLiteral("h2"), -1, bob, 520,
                   QStringLiteral("Dead end, Alice Example checked the schema log"));

        w.event(i1, QStringLiteral("query.planned"),
                obj({{QStringLiteral("query_id"), QStringLiteral("q1")},
                     {QStringLiteral("hypothesis_id"), QStringLiteral("h1")},
                     {QStringLiteral("sql"), QStringLiteral("SELECT count(*) FROM public.orders")},
                     {QStringLiteral("purpose"), QStringLiteral("count nulls")}}),
                120);
        q1Submitted = w.event(
            i1, QStringLiteral("query.submitted"),
            obj({{QStringLiteral("query_id"), QStringLiteral("q1")},
                 {QStringLiteral("hypothesis_id"), QStringLiteral("h1")},
                 {QStringLiteral("sql"),
                  QStringLiteral("SELECT count(*) FROM public.orders WHERE customer_id IS NULL")}}),
            121);
        w.event(i1, QStringLiteral("query.succeeded"),
                obj({{QStringLiteral("query_id"), QStringLiteral("q1")},
                     {QStringLiteral("row_count"), 42}}),
                122);
        w.feedback(i1, QStringLiteral("query"), QStringLiteral("q1"), 1, alice, 530);
        w.event(i1, QStringLiteral("query.planned"),
                obj({{QStringLiteral("query_id"), QStringLiteral("q2")},
                     {QStringLiteral("hypothesis_id"), QStringLiteral("h2")},
                     {QStringLiteral("sql"), QStringLiteral("SELECT * FROM orderz")}}),
                130);
        w.event(
            i1, QStringLiteral("query.failed"),
            obj({{QStringLiteral("query_id"), QStringLiteral("q2")},
                 {QStringLiteral("error"), QStringLiteral("relation \"orderz\" does not exist")}}),
            131);

        w.event(i1, QStringLiteral("evidence.collected"),
                obj({{QStringLiteral("evidence_id"), QStringLiteral("e1")},
                     {QStringLiteral("hypothesis_id"), QStringLiteral("h1")},
                     {QStringLiteral("query_id"), QStringLiteral("q1")},
                     {QStringLiteral("summary"),
                      QStringLiteral("30% of rows since 02:00 lack customer_id")},
                     {QStringLiteral("supports"), true}}),
                140);
        s1Event = w.event(i1, QStringLiteral("synthesis.generated"),
                          obj({{QStringLiteral("synthesis_id"), QStringLiteral("s1")},
                               {QStringLiteral("root_cause"),
                                QStringLiteral("The orders ETL job failed at 02:00")},
                               {QStringLiteral("confidence"), 0.8}}),
                          150);
        // alice rates the synthesis up and the investigation down: her synthesis rating wins.
        w.feedback(i1, QStringLiteral("synthesis"), QStringLiteral("s1"), 1, alice, 600);
        w.feedback(i1, QStringLiteral("investigation"), i1.toString(QUuid::WithoutBraces), -1,
                   alice, 610);
        w.feedback(i1, QStringLiteral("investigation"), i1.toString(QUuid::WithoutBraces), -1, bob,
                   620);

        // I2: dataset by UUID, one hypothesis, investigation.completed only.
        w.event(i2, QStringLiteral("investigation.started"),
                obj({{QStringLiteral("dataset_id"), clicks.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("alert"),
                      obj({{QStringLiteral("anomaly_type"), QStringLiteral("volume_drop")}})}}),
                1000);
        w.event(i2, QStringLiteral("hypothesis.generated"),
                obj({{QStringLiteral("hypothesis_id"), QStringLiteral("h3")},
                     {QStringLiteral("text"), QStringLiteral("The tracking SDK stopped sending")}}),
                1010);
        w.event(i2, QStringLiteral("investigation.completed"),
                obj({{QStringLiteral("root_cause"), QStringLiteral("Tracking SDK outage")},
                     {QStringLiteral("confidence"), 0.6},
                     {QStringLiteral("duration_seconds"), 300}}),
                1100);
    }
};

/// Tenant "other": one rated hypothesis whose text must never leave its tenant.
struct OtherHistory
{
    QUuid tenant;
    QUuid inv;

    void write(TestDatabase &db, const QString &slug = QStringLiteral("other"),
               const QString &text = QStringLiteral("secret other-tenant hypothesis"))
    {
        tenant = db.createTenant(slug);
        HistoryWriter w(db, tenant);
        const QUuid dave = w.person(QStringLiteral("dave") + slug, QStringLiteral("Dave Hidden"));
        inv = QUuid::createUuid();
        w.event(inv, QStringLiteral("investigation.started"),
                obj({{QStringLiteral("dataset_id"), QStringLiteral("sales.invoices")},
                     {QStringLiteral("alert"),
                      obj({{QStringLiteral("anomaly_type"), QStringLiteral("null_spike")}})}}),
                0);
        w.event(inv, QStringLiteral("hypothesis.generated"),
                obj({{QStringLiteral("hypothesis_id"), QStringLiteral("hx")},
                     {QStringLiteral("text"), text}}),
                10);
        w.event(inv, QStringLiteral("hypothesis.generated"),
                obj({{QStringLiteral("hypothesis_id"), QStringLiteral("hy")},
                     {QStringLiteral("text"), QStringLiteral("a wrong idea from Dave Hidden")}}),
                11);
        w.feedback(inv, QStringLiteral("hypothesis"), QStringLiteral("hx"), 1, dave, 20);
        w.feedback(inv, QStringLiteral("hypothesis"), QStringLiteral("hy"), -1, dave, 21);
    }
};

} // namespace ke::test
