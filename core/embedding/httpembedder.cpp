#include "httpembedder.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace ke {

namespace {

struct Answer
{
    int status = 0; // HTTP status, 0 when none (network error or timeout)
    bool timedOut = false;
    QString networkError;
    QByteArray body;
    QByteArray retryAfter;
};

Answer post(QNetworkAccessManager &nam, const QNetworkRequest &request, const QByteArray &body,
            std::chrono::milliseconds timeout)
{
    Answer a;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QNetworkReply *reply = nam.post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&]() {
        a.timedOut = true;
        reply->abort();
    });
    timer.start(timeout);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && a.status == 0)
        a.networkError = reply->errorString();
    a.body = reply->readAll();
    a.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return a;
}

void waitFor(std::chrono::milliseconds delay)
{
    QEventLoop loop;
    QTimer::singleShot(delay, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

// The server's own words, short.
QString serverWords(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString msg
        = o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    if (msg.isEmpty())
        msg = o.value(QStringLiteral("error")).toString();
    if (msg.isEmpty())
        msg = QString::fromUtf8(body.left(200)).simplified();
    return msg;
}

} // namespace

HttpEmbedder::HttpEmbedder(Options options)
    : m_options(std::move(options))
{
    m_dimension = m_options.expectedDimension;
    m_options.batchSize = std::max(1, m_options.batchSize);
}

Result<HttpEmbedder::Options> HttpEmbedder::optionsFromEnvironment()
{
    Options o;
    const QString url = qEnvironmentVariable("KNOWLEDGE_EMBEDDINGS_URL").trimmed();
    o.model = qEnvironmentVariable("KNOWLEDGE_EMBEDDINGS_MODEL").trimmed();
    o.apiKey = qEnvironmentVariable("KNOWLEDGE_EMBEDDINGS_API_KEY").trimmed();
    if (url.isEmpty() || o.model.isEmpty())
        return makeError(
            ErrorCode::NotConfigured,
            tr("no embeddings API configured — set KNOWLEDGE_EMBEDDINGS_URL and "
               "KNOWLEDGE_EMBEDDINGS_MODEL (and KNOWLEDGE_EMBEDDINGS_API_KEY if it needs one)"));
    o.baseUrl = QUrl(url);
    if (!o.baseUrl.isValid() || o.baseUrl.scheme().isEmpty() || o.baseUrl.host().isEmpty())
        return makeError(
            ErrorCode::InvalidUrl,
            tr("KNOWLEDGE_EMBEDDINGS_URL '%1' is not a URL such as https://api.example.com")
                .arg(url));
    return o;
}

bool HttpEmbedder::isConfigured()
{
    return !qEnvironmentVariable("KNOWLEDGE_EMBEDDINGS_URL").trimmed().isEmpty();
}

QString HttpEmbedder::name() const
{
    return QStringLiteral("http:") + m_options.model;
}

int HttpEmbedder::dimension() const
{
    return m_dimension.load();
}

Result<std::vector<EmbeddingVector>> HttpEmbedder::embed(const QStringList &texts) const
{
    std::vector<EmbeddingVector> out;
    out.reserve(size_t(texts.size()));
    if (texts.isEmpty())
        return out;

    QUrl url = m_options.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1")))
        path += QLatin1String("/v1");
    url.setPath(path + QLatin1String("/embeddings"));
    const QString where = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.apiKey.toUtf8());
    QNetworkAccessManager nam; // of this thread: embed() may run on any thread

    for (qsizetype start = 0; start < texts.size(); start += m_options.batchSize) {
        const QStringList batch = texts.mid(start, m_options.batchSize);
        QJsonObject body{{QStringLiteral("model"), m_options.model},
                         {QStringLiteral("input"), QJsonArray::fromStringList(batch)}};
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);

        Answer a;
        auto backoff = m_options.initialBackoff;
        for (int attempt = 0;; ++attempt) {
            a = post(nam, request, payload, m_options.timeout);
            const bool retryable
                = a.timedOut || a.status == 0 || a.status == 429 || a.status >= 500;
            if (!retryable || attempt >= m_options.maxRetries)
                break;
            auto delay = backoff;
            bool ok = false;
            const int seconds = a.retryAfter.trimmed().toInt(&ok);
            if (ok && seconds >= 0)
                delay = std::chrono::milliseconds(qint64(seconds) * 1000);
            waitFor(std::min(delay, m_options.maxBackoff));
            backoff = std::min(backoff * 2, m_options.maxBackoff);
        }
        const int attempts = m_options.maxRetries + 1;
        if (a.timedOut)
            return makeError(
                ErrorCode::Timeout,
                tr("the embeddings API at %1 did not answer within %2 s (%3 attempts) — "
                   "check that it is up, or raise the timeout")
                    .arg(where)
                    .arg(double(m_options.timeout.count()) / 1000.0)
                    .arg(attempts));
        if (a.status == 0)
            return makeError(ErrorCode::Unreachable,
                             tr("cannot reach the embeddings API at %1: %2 — check "
                                "KNOWLEDGE_EMBEDDINGS_URL and the network")
                                 .arg(where, a.networkError));
        if (a.status == 401 || a.status == 403)
            return makeError(ErrorCode::Unauthorized,
                             tr("the embeddings API refused the key (HTTP %1: %2) — check "
                                "KNOWLEDGE_EMBEDDINGS_API_KEY")
                                 .arg(a.status)
                                 .arg(serverWords(a.body)));
        if (a.status == 429)
            return makeError(
                ErrorCode::RateLimited,
                tr("the embeddings API at %1 kept answering 429 Too Many Requests after %2 "
                   "attempts — try again later or lower the request rate")
                    .arg(where)
                    .arg(attempts));
        if (a.status >= 500)
            return makeError(
                ErrorCode::ServerError,
                tr("the embeddings API at %1 failed with HTTP %2 after %3 attempts: %4 — "
                   "try again later")
                    .arg(where)
                    .arg(a.status)
                    .arg(attempts)
                    .arg(serverWords(a.body)));
        if (a.status != 200)
            return makeError(ErrorCode::HttpError,
                             tr("the embeddings API at %1 answered HTTP %2: %3 — check the URL and "
                                "KNOWLEDGE_EMBEDDINGS_MODEL '%4'")
                                 .arg(where)
                                 .arg(a.status)
                                 .arg(serverWords(a.body), m_options.model));

        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(a.body, &perr);
        const QJsonArray data = doc.object().value(QStringLiteral("data")).toArray();
        auto malformed = [&](const QString &what) {
            return makeError(ErrorCode::MalformedAnswer,
                             tr("the embeddings API at %1 answered something that is not an "
                                "OpenAI-compatible embeddings response (%2) — check the URL")
                                 .arg(where, what));
        };
        if (perr.error != QJsonParseError::NoError)
            return malformed(perr.errorString());
        if (data.size() != batch.size())
            return malformed(tr("%1 embeddings for %2 inputs").arg(data.size()).arg(batch.size()));
        std::vector<EmbeddingVector> got(size_t(batch.size()));
        for (const auto &item : data) {
            const QJsonObject o = item.toObject();
            const int index = o.value(QStringLiteral("index")).toInt(-1);
            const QJsonArray values = o.value(QStringLiteral("embedding")).toArray();
            if (index < 0 || index >= batch.size() || !got[size_t(index)].empty()
                || values.isEmpty())
                return malformed(
                    tr("a missing, repeated or empty embedding at index %1").arg(index));
            EmbeddingVector v;
            v.reserve(size_t(values.size()));
            for (const auto &x : values) {
                if (!x.isDouble() || !std::isfinite(x.toDouble()))
                    return malformed(tr("a value that is not a number"));
                v.push_back(float(x.toDouble()));
            }
            int expected = m_dimension.load();
            if (expected == 0 && m_dimension.compare_exchange_strong(expected, int(v.size())))
                expected = int(v.size());
            if (int(v.size()) != expected)
                return makeError(
                    ErrorCode::DimensionMismatch,
                    tr("the embeddings API answered vectors of %1 numbers where %2 were "
                       "expected (model '%3') — the model behind the URL changed?")
                        .arg(v.size())
                        .arg(expected)
                        .arg(m_options.model));
            normalizeEmbedding(v);
            got[size_t(index)] = std::move(v);
        }
        for (auto &v : got)
            out.push_back(std::move(v));
    }
    return out;
}

} // namespace ke
