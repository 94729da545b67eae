// The online search's lexical index in memory (private/onlinelexical_p.h): reading a
// tenant's documents into it, keeping it current, and scoring a query over it.

#include "onlinelexical_p.h"

#include "bm25.h"
#include "processshared_p.h"

#include <algorithm>

namespace ke::onlinelexical {

QString keyOf(const QString &type, const QString &id)
{
    return type + QLatin1Char('\x1f') + id;
}

std::vector<std::pair<QString, quint32>> parseTsvector(const char *p, size_t n)
{
    std::vector<std::pair<QString, quint32>> out;
    const char *end = p + n;
    std::string lexeme;
    while (p < end) {
        while (p < end && *p == ' ')
            ++p;
        if (p >= end || *p != '\'')
            break;
        ++p;
        lexeme.clear();
        while (p < end) {
            if (*p == '\'' && p + 1 < end && p[1] == '\'') {
                lexeme.push_back('\'');
                p += 2;
            } else if (*p == '\\' && p + 1 < end) {
                lexeme.push_back(p[1]);
                p += 2;
            } else if (*p == '\'') {
                ++p;
                break;
            } else {
                lexeme.push_back(*p++);
            }
        }
        quint32 tf = 1;
        if (p < end && *p == ':') {
            ++p;
            while (p < end && *p != ' ') {
                if (*p == ',')
                    ++tf;
                ++p;
            }
        }
        out.emplace_back(QString::fromUtf8(lexeme.data(), qsizetype(lexeme.size())), tf);
    }
    return out;
}

void LexicalIndex::clear()
{
    watermark = 0;
    docs.clear();
    lengthOf.clear();
    slotOf.clear();
    termOf.clear();
    terms.clear();
    live = 0;
    totalLength = 0;
}

bool LexicalIndex::wantsReload() const
{
    const qint64 retired = qint64(docs.size()) - live;
    return retired > 1000 && retired > live;
}

void LexicalIndex::retire(quint32 slot)
{
    Doc &d = docs[slot];
    if (!d.live)
        return;
    d.live = false;
    lengthOf[slot] = kRetired;
    for (quint32 t : d.terms)
        --terms[t].df;
    --live;
    totalLength -= d.length;
    d.terms = {};
}

void LexicalIndex::apply(const pqxx::row &row)
{
    const QString key = keyOf(stringFromField(row[0]), stringFromField(row[1]));
    if (auto it = slotOf.find(key); it != slotOf.end()) {
        retire(*it);
        slotOf.erase(it);
    }
    watermark = std::max(watermark, row[7].as<qint64>());
    if (row[6].as<bool>())
        return;
    Doc d;
    readColumns(row, 0, d.sourceType, d.sourceId, d.datasetId, d.investigationId, d.createdAt,
                d.feedbackScore);
    d.live = true;
    const quint32 slot = quint32(docs.size());
    const auto lexemes = parseTsvector(row[8].c_str(), row[8].size());
    d.length = quint32(lexemes.size());
    d.terms.reserve(lexemes.size());
    for (const auto &[lexeme, tf] : lexemes) {
        auto t = termOf.find(textanalyzer::view(lexeme));
        if (t == termOf.end()) {
            t = termOf.emplace(std::u16string(textanalyzer::view(lexeme)), quint32(terms.size()))
                    .first;
            terms.emplace_back();
        }
        terms[t->second].postings.push_back({slot, tf});
        ++terms[t->second].df;
        d.terms.push_back(t->second);
    }
    ++live;
    totalLength += d.length;
    lengthOf.push_back(d.length);
    docs.push_back(std::move(d));
    slotOf.insert(key, slot);
}

std::vector<std::pair<QString, double>>
LexicalIndex::top(const std::vector<std::pair<QString, quint32>> &query, const QString &datasetId,
                  const QStringList &sourceTypes, int k) const
{
    // Per thread, as long as the largest index it scored: a search touches only the
    // documents holding a query word and clears what it touched.
    thread_local std::vector<double> score;
    thread_local std::vector<quint32> touched;
    std::vector<std::pair<double, quint32>> ranked;
    std::vector<std::pair<QString, double>> best;
    std::shared_lock read(lock);
    const double n = double(live);
    const double averageLength = live > 0 && totalLength > 0 ? totalLength / n : 1.0;
    if (score.size() < docs.size())
        score.resize(docs.size(), 0.0);
    touched.clear();
    for (const auto &[lexeme, count] : query) {
        const auto t = termOf.find(textanalyzer::view(lexeme));
        if (t == termOf.end())
            continue;
        const Term &term = terms[t->second];
        const double idf = bm25::idf(n, double(term.df));
        for (const Posting &p : term.postings) {
            const quint32 length = lengthOf[p.doc];
            if (length == kRetired)
                continue;
            if (score[p.doc] == 0.0)
                touched.push_back(p.doc);
            score[p.doc] += double(count)
                * bm25::termScore(idf, double(p.tf), double(length), averageLength);
        }
    }
    ranked.reserve(touched.size());
    const bool filtered = !datasetId.isEmpty() || !sourceTypes.isEmpty();
    for (quint32 i : touched) {
        const Doc &doc = docs[i];
        if (!filtered
            || ((datasetId.isEmpty() || doc.datasetId == datasetId)
                && (sourceTypes.isEmpty() || sourceTypes.contains(doc.sourceType))))
            ranked.emplace_back(score[i], i);
        score[i] = 0.0;
    }
    const size_t kept = std::min(ranked.size(), size_t(std::max(0, k)));
    std::partial_sort(ranked.begin(), ranked.begin() + qsizetype(kept), ranked.end(),
                      [&](const auto &a, const auto &b) {
                          if (a.first != b.first)
                              return a.first > b.first;
                          const Doc &x = docs[a.second];
                          const Doc &y = docs[b.second];
                          if (x.sourceType != y.sourceType)
                              return x.sourceType < y.sourceType;
                          return x.sourceId < y.sourceId;
                      });
    ranked.resize(kept);
    best.reserve(kept);
    for (const auto &[value, i] : ranked)
        best.emplace_back(keyOf(docs[i].sourceType, docs[i].sourceId), value);
    return best;
}

std::string headSql(const QString &docs)
{
    return toStd(QStringLiteral("SELECT (SELECT max(change_seq) FROM %1 WHERE tenant_id = "
                                "$1::uuid), to_tsvector('english', $2)::text, "
                                "$3::regclass::oid::text")
                     .arg(docs));
}

std::shared_ptr<LexicalIndex> upToDateIndex(pqxx::transaction_base &tx, pqxx::connection &conn,
                                            const QString &docs, const std::string &tenant,
                                            const QUuid &tenantId, const pqxx::row &head)
{
    const qint64 seen = head[0].as<qint64>();
    // The table's oid in the key: a schema dropped and made again under the same name (tests,
    // eval-search) is another table, with change_seq from 1 again.
    auto text = [](const char *p) { return QString::fromUtf8(p ? p : ""); };
    std::shared_ptr<LexicalIndex> memory = sharedInProcess<LexicalIndex>(
        text(conn.dbname()) + QLatin1Char('/') + text(conn.hostname()) + QLatin1Char(':')
        + text(conn.port()) + QLatin1Char('/') + docs + QLatin1Char('/') + stringFromField(head[2])
        + QLatin1Char('/') + tenantId.toString());
    auto isFresh = [&]() {
        std::shared_lock read(memory->lock);
        return memory->watermark >= seen && !memory->wantsReload();
    };
    if (isFresh())
        return memory;
    std::lock_guard one(memory->refreshing);
    if (isFresh())
        return memory;
    qint64 from = 0;
    {
        std::unique_lock write(memory->lock);
        // Retired slots outnumber live ones: load the tenant afresh.
        if (memory->wantsReload())
            memory->clear();
        from = memory->watermark;
    }
    const pqxx::result rows = tx.exec_params(
        toStd(QStringLiteral("SELECT source_type, source_id, dataset_id, investigation_id, "
                             "created_at, feedback_score, retired, change_seq, tsv::text FROM %1 "
                             "WHERE tenant_id = $1::uuid AND change_seq > $2 ORDER BY change_seq")
                  .arg(docs)),
        tenant, from);
    std::unique_lock write(memory->lock);
    for (const auto &row : rows)
        memory->apply(row);
    return memory;
}

std::shared_ptr<LexicalIndex> tenantIndex(pqxx::transaction_base &tx, pqxx::connection &conn,
                                          Database &db)
{
    const QString docs = db.table(QStringLiteral("search_documents"));
    const std::string tenant = uuidToStd(db.tenantId());
    const pqxx::result head
        = execPrepared(tx, conn, headSql(docs), tenant, std::string(), toStd(docs));
    if (head[0][0].is_null())
        return nullptr;
    return upToDateIndex(tx, conn, docs, tenant, db.tenantId(), head[0]);
}

} // namespace ke::onlinelexical
