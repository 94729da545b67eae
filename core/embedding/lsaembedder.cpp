#include "lsaembedder.h"

#include "textanalyzer.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QSaveFile>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace ke {

void normalizeEmbedding(EmbeddingVector &v)
{
    double s = 0;
    for (float x : v)
        s += double(x) * x;
    if (s <= 0)
        return;
    const float inv = float(1.0 / std::sqrt(s));
    for (float &x : v)
        x *= inv;
}

float dotProduct(const EmbeddingVector &a, const EmbeddingVector &b)
{
    // Eigen's vectorised reduction (several partial sums in SIMD registers): the exact vector
    // scan of online search does this for every vector of the tenant on every search.
    const Eigen::Index n = Eigen::Index(std::min(a.size(), b.size()));
    return Eigen::Map<const Eigen::VectorXf>(a.data(), n)
        .dot(Eigen::Map<const Eigen::VectorXf>(b.data(), n));
}

namespace {

constexpr quint32 kMagic = 0x4b454c53; // "KELS"
// 2: terms stemmed by Snowball's "porter" (1: our own Porter stemmer, which stemmed only
// ASCII words and differs on some). A model of another version is refused by load(), so its
// owner relearns it instead of misreading queries.
constexpr quint32 kFormatVersion = 2;

struct Entry
{
    int term;
    double weight;
};
using Column = std::vector<Entry>; // one document's non-zero TF-IDF weights
// Dense blocks of l numbers per row, row-major: a row is contiguous, so the sparse products
// below run over whole rows (vectorisable, cache friendly) instead of striding over columns.
using Rows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Y (terms x l) = A X, X (docs x l).
void multiplyA(const std::vector<Column> &docs, const Rows &x, Rows &y)
{
    y.setZero();
    const Eigen::Index l = x.cols();
    for (size_t d = 0; d < docs.size(); ++d) {
        const double *__restrict xd = x.row(Eigen::Index(d)).data();
        for (const Entry &e : docs[d]) {
            double *__restrict yt = y.row(e.term).data();
            const double w = e.weight;
            for (Eigen::Index c = 0; c < l; ++c)
                yt[c] += w * xd[c];
        }
    }
}

// Z (docs x l) = A^T Y, Y (terms x l).
void multiplyAt(const std::vector<Column> &docs, const Rows &y, Rows &z)
{
    const Eigen::Index l = y.cols();
    for (size_t d = 0; d < docs.size(); ++d) {
        double *__restrict zd = z.row(Eigen::Index(d)).data();
        std::fill(zd, zd + l, 0.0);
        for (const Entry &e : docs[d]) {
            const double *__restrict yt = y.row(e.term).data();
            const double w = e.weight;
            for (Eigen::Index c = 0; c < l; ++c)
                zd[c] += w * yt[c];
        }
    }
}

// An orthonormal basis of the columns' span (thin Q of a Householder QR, Eigen).
Rows orthonormalized(const Rows &a)
{
    const Eigen::HouseholderQR<Rows> qr(a);
    return qr.householderQ() * Eigen::MatrixXd::Identity(a.rows(), a.cols());
}

} // namespace

Result<LsaEmbedder> LsaEmbedder::train(const QStringList &corpus, const Options &options,
                                       std::vector<EmbeddingVector> *corpusVectors)
{
    const int n = int(corpus.size());
    if (n == 0)
        return makeError(ErrorCode::EmptyCorpus,
                         tr("cannot learn a search model from an empty corpus — add documents "
                            "first"));

    // Term statistics: every distinct term gets a number once; a document is its sorted
    // (term number, count) pairs.
    textanalyzer::WordMap<int> termNumber;
    std::vector<QString> termText;
    std::vector<int> documentFrequency;
    std::vector<std::vector<std::pair<int, int>>> counts(static_cast<size_t>(n));
    std::vector<int> tokens;
    for (int d = 0; d < n; ++d) {
        tokens.clear();
        for (const QString &t : textanalyzer::terms(corpus.at(d))) {
            auto it = termNumber.find(textanalyzer::view(t));
            if (it == termNumber.end()) {
                it = termNumber.emplace(std::u16string(textanalyzer::view(t)), int(termText.size()))
                         .first;
                termText.push_back(t);
                documentFrequency.push_back(0);
            }
            tokens.push_back(it->second);
        }
        std::sort(tokens.begin(), tokens.end());
        auto &doc = counts[size_t(d)];
        for (size_t i = 0; i < tokens.size();) {
            size_t j = i;
            while (j < tokens.size() && tokens[j] == tokens[i])
                ++j;
            doc.emplace_back(tokens[i], int(j - i));
            ++documentFrequency[size_t(tokens[i])];
            i = j;
        }
    }
    auto pickVocabulary = [&](int minDf, double maxShare) {
        std::vector<std::pair<int, QString>> picked;
        for (size_t t = 0; t < termText.size(); ++t)
            if (documentFrequency[t] >= minDf && double(documentFrequency[t]) <= maxShare * n)
                picked.emplace_back(documentFrequency[t], termText[t]);
        std::sort(picked.begin(), picked.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        if (int(picked.size()) > options.maxVocabulary)
            picked.resize(size_t(options.maxVocabulary));
        return picked;
    };
    // A small corpus (a new tenant) keeps every word: most occur in one document only.
    auto vocab = pickVocabulary(n >= 100 ? options.minDocumentFrequency : 1,
                                n >= 20 ? options.maxDocumentShare : 1.0);
    if (vocab.empty()) // a tiny corpus: keep every term
        vocab = pickVocabulary(1, 1.0);
    if (vocab.empty())
        return makeError(
            ErrorCode::EmptyCorpus,
            tr("cannot learn a search model: the %n document(s) contain no words", nullptr, n));
    // Terms in a stable (alphabetical) order, so equal corpora give equal models.
    std::sort(vocab.begin(), vocab.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });

    LsaEmbedder model;
    const int m = int(vocab.size());
    model.m_idf.resize(size_t(m));
    for (int t = 0; t < m; ++t) {
        model.m_termIndex.emplace(std::u16string(textanalyzer::view(vocab[size_t(t)].second)), t);
        model.m_idf[size_t(t)] = float(std::log((n + 1.0) / vocab[size_t(t)].first));
    }

    // Sparse TF-IDF columns, cosine-normalised, by term (so that the floating-point sums, and
    // the model's name, do not depend on any hash order).
    std::vector<int> vocabularyIndex(termText.size(), -1);
    for (size_t t = 0; t < termText.size(); ++t) {
        const auto it = model.m_termIndex.find(textanalyzer::view(termText[t]));
        vocabularyIndex[t] = it == model.m_termIndex.end() ? -1 : it->second;
    }
    std::vector<Column> docs(static_cast<size_t>(n));
    for (int d = 0; d < n; ++d) {
        auto &doc = counts[size_t(d)];
        for (auto &[term, count] : doc)
            term = vocabularyIndex[size_t(term)];
        doc.erase(std::remove_if(doc.begin(), doc.end(), [](const auto &e) { return e.first < 0; }),
                  doc.end());
        std::sort(doc.begin(), doc.end());
        Column &col = docs[size_t(d)];
        col.reserve(doc.size());
        double norm = 0;
        for (const auto &[term, count] : doc) {
            const double w = (1.0 + std::log(double(count))) * model.m_idf[size_t(term)];
            col.push_back({term, w});
            norm += w * w;
        }
        if (norm > 0) {
            const double inv = 1 / std::sqrt(norm);
            for (Entry &e : col)
                e.weight *= inv;
        }
    }

    const int k = std::max(1, std::min({options.dimension, m, n}));
    const int l = std::min({k + std::max(0, options.oversampling), m, n});

    // Randomized range finder with subspace iteration, entirely on the terms side (the small
    // one: a corpus has far fewer terms than documents): a random start Q0 (terms x l), then
    // Q = orth(A A^T Q) powerIterations + 1 times. Orthonormalising A^T Q in between would not
    // change the space Q spans, and in double precision the few iterations stay well
    // conditioned.
    std::mt19937_64 rng(options.seed);
    std::normal_distribution<double> gauss;
    Rows q(m, l), z(n, l), y(m, l); // z (documents x l) is the large one, reused
    for (Eigen::Index c = 0; c < l; ++c) // column by column, as the model's seed always was
        for (Eigen::Index t = 0; t < m; ++t)
            q(t, c) = gauss(rng);
    q = orthonormalized(q);
    auto timesAAt = [&]() {
        multiplyAt(docs, q, z);
        multiplyA(docs, z, y);
    };
    for (int it = 0; it <= options.powerIterations; ++it) {
        timesAAt();
        q = orthonormalized(y);
    }
    // B = Q^T A (l x docs); C = B B^T = Q^T (A A^T Q), computed on the terms side;
    // C = W diag(lambda) W^T (Eigen's symmetric eigen-solver, ascending); U = Q W.
    timesAAt();
    Eigen::MatrixXd c = q.transpose() * y;
    c = 0.5 * (c + c.transpose()).eval();
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(c);
    if (eigen.info() != Eigen::Success)
        return makeError(ErrorCode::EmptyCorpus,
                         tr("cannot learn a search model: the decomposition of the %n "
                            "document(s) did not converge",
                            nullptr, n));
    model.m_dimension = k;
    Eigen::MatrixXd wk(l, k); // W's top k columns, scaled
    for (int j = 0; j < k; ++j) {
        const Eigen::Index src = l - 1 - j;
        const double sigma = std::sqrt(std::max(eigen.eigenvalues()(src), 1e-12));
        wk.col(j) = eigen.eigenvectors().col(src) * std::pow(sigma, -options.sigmaExponent);
    }
    const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> u
        = (q * wk).cast<float>();
    model.m_projection.assign(u.data(), u.data() + u.size());
    model.computeName();
    if (corpusVectors) {
        corpusVectors->clear();
        corpusVectors->reserve(size_t(n));
        for (const auto &doc : counts)
            corpusVectors->push_back(model.project(doc));
    }
    return model;
}

QStringList LsaEmbedder::termsByRow() const
{
    QStringList terms(qsizetype(m_termIndex.size()));
    for (const auto &[term, row] : m_termIndex)
        terms[row] = QString::fromUtf16(term.data(), qsizetype(term.size()));
    return terms;
}

void LsaEmbedder::computeName()
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    QStringList terms = termsByRow();
    terms.sort();
    h.addData(terms.join(QLatin1Char(' ')).toUtf8());
    h.addData(QByteArrayView(reinterpret_cast<const char *>(m_projection.data()),
                             qsizetype(m_projection.size() * sizeof(float))));
    m_name = QStringLiteral("lsa-%1-%2")
                 .arg(m_dimension)
                 .arg(QString::fromLatin1(h.result().toHex().left(10)));
}

EmbeddingVector LsaEmbedder::embedOne(const QString &text) const
{
    std::map<int, int> counts; // ordered: the same sums in every process
    for (const QString &t : textanalyzer::terms(text)) {
        const auto it = m_termIndex.find(textanalyzer::view(t));
        if (it != m_termIndex.end())
            ++counts[it->second];
    }
    return project(std::vector<std::pair<int, int>>(counts.begin(), counts.end()));
}

EmbeddingVector LsaEmbedder::project(const std::vector<std::pair<int, int>> &counts) const
{
    EmbeddingVector out(size_t(m_dimension), 0.0f);
    for (const auto &[term, count] : counts) {
        const float wt = float((1.0 + std::log(double(count))) * m_idf[size_t(term)]);
        const float *row = m_projection.data() + size_t(term) * m_dimension;
        for (int j = 0; j < m_dimension; ++j)
            out[size_t(j)] += wt * row[j];
    }
    normalizeEmbedding(out);
    return out;
}

Result<std::vector<EmbeddingVector>> LsaEmbedder::embed(const QStringList &texts) const
{
    std::vector<EmbeddingVector> out;
    out.reserve(size_t(texts.size()));
    for (const QString &t : texts)
        out.push_back(embedOne(t));
    return out;
}

Result<void> LsaEmbedder::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         tr("cannot write the search model %1: %2").arg(path, file.errorString()));
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    const QStringList terms = termsByRow();
    out << kMagic << kFormatVersion << m_name << qint32(m_dimension) << qint32(terms.size());
    for (const QString &t : terms)
        out << t;
    for (float f : m_idf)
        out << f;
    out.writeRawData(reinterpret_cast<const char *>(m_projection.data()),
                     int(m_projection.size() * sizeof(float)));
    out << kMagic; // trailer: a truncated file lacks it
    if (out.status() != QDataStream::Ok || !file.commit())
        return makeError(ErrorCode::Io,
                         tr("cannot write the search model %1: %2").arg(path, file.errorString()));
    return {};
}

Result<LsaEmbedder> LsaEmbedder::load(const QString &path)
{
    auto bad = [&](const QString &why) {
        return makeError(ErrorCode::CorruptModel,
                         tr("the search model %1 is unusable (%2) — it will be relearned from "
                            "the cache")
                             .arg(path, why));
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         tr("cannot read the search model %1: %2").arg(path, file.errorString()));
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, version = 0;
    qint32 dim = 0, count = 0;
    LsaEmbedder model;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kFormatVersion)
        return bad(tr("not a model file of this version"));
    in >> model.m_name >> dim >> count;
    const qint64 size = file.size();
    if (in.status() != QDataStream::Ok || dim <= 0 || count <= 0 || dim > 4096
        || qint64(count) * dim * 4 > size)
        return bad(tr("bad header"));
    QStringList terms;
    terms.reserve(count);
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString t;
        in >> t;
        terms.append(t);
    }
    model.m_idf.resize(size_t(count));
    for (float &f : model.m_idf)
        in >> f;
    model.m_projection.resize(size_t(count) * dim);
    const int bytes = int(model.m_projection.size() * sizeof(float));
    if (in.readRawData(reinterpret_cast<char *>(model.m_projection.data()), bytes) != bytes)
        return bad(tr("truncated"));
    quint32 trailer = 0;
    in >> trailer;
    if (in.status() != QDataStream::Ok || trailer != kMagic)
        return bad(tr("truncated"));
    model.m_dimension = dim;
    for (int i = 0; i < count; ++i) {
        if (!model.m_termIndex.emplace(std::u16string(textanalyzer::view(terms.at(i))), i).second)
            return bad(tr("a term stands twice"));
    }
    return model;
}

} // namespace ke
