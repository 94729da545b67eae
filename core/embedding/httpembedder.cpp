#include "httpembedder.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
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
    bool tooLarge = false;
    QString networkError;
    QByteArray body;
    QByteArray retryAfter;
    QUrl redirectTarget; // a redirect that was not followed (another origin)
};

Answer post(QNetworkAccessManager &nam, const QNetworkRequest &request, const QByteArray &body,
            std::chrono::milliseconds timeout, qint64 maxBytes)
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
    // The body is read as it arrives and never grows beyond maxBytes.
    auto tooLarge = [&]() {
        a.tooLarge = true;
        reply->abort();
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, [&]() {
        bool ok = false;
        const qint64 announced
            = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && announced > maxBytes)
            tooLarge();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&]() {
        if (a.tooLarge)
            return;
        a.body += reply->read(maxBytes + 1 - a.body.size());
        if (a.body.size() > maxBytes)
            tooLarge();
    });
    timer.start(timeout);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && a.status == 0)
        a.networkError = reply->errorString();
    if (!a.tooLarge && reply->isOpen()) {
        a.body += reply->read(maxBytes + 1 - a.body.size());
        if (a.body.size() > maxBytes)
            a.tooLarge = true;
    }
    if (a.status >= 300 && a.status < 400 && !reply->rawHeader("Location").isEmpty())
        a.redirectTarget = request.url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    a.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return a;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
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

struct Attempt
{
    Answer answer;
    int attempts = 0;
    bool outOfTime = false; ///< the batch's deadline ended the retries
};

/// Posts one batch; a timeout, no answer, 429 and 5xx are asked again after a growing pause
/// (or the server's Retry-After), up to maxRetries times, while waiting fits in the deadline.
Attempt postWithRetries(QNetworkAccessManager &nam, const QNetworkRequest &request,
                        const QByteArray &payload, const HttpEmbedder::Options &options)
{
    Attempt t;
    Answer &a = t.answer;
    int &attempts = t.attempts;
    auto backoff = options.initialBackoff;
    bool pastDeadline = false;
    QElapsedTimer batchTimer;
    batchTimer.start();
    auto remaining
        = [&]() { return options.deadline - std::chrono::milliseconds(batchTimer.elapsed()); };
    for (;;) {
        ++attempts;
        a = post(nam, request, payload,
                 std::max(std::chrono::milliseconds(1), std::min(options.timeout, remaining())),
                 options.maxResponseBytes);
        const bool retryable
            = !a.tooLarge && (a.timedOut || a.status == 0 || a.status == 429 || a.status >= 500);
        if (!retryable || attempts > options.maxRetries)
            break;
        auto delay = backoff;
        bool ok = false;
        const int seconds = a.retryAfter.trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            delay = std::chrono::milliseconds(qint64(seconds) * 1000);
        delay = std::min(delay, options.maxBackoff);
        // Waiting and asking again must fit in the batch's deadline.
        if (delay >= remaining()) {
            pastDeadline = true;
            break;
        }
        waitFor(delay);
        backoff = std::min(backoff * 2, options.maxBackoff);
    }
    t.outOfTime = pastDeadline || remaining() <= std::chrono::milliseconds(0);
    return t;
}

/// What an answer other than 200 (or no answer) means, in words that say what to check;
/// nothing for a 200. Not yet redacted.
Result<void> refusal(const Attempt &t, const QString &where, qsizetype batchSize,
                     const HttpEmbedder::Options &options)
{
    const Answer &a = t.answer;
    const int attempts = t.attempts;
    const double deadlineSeconds = double(options.deadline.count()) / 1000.0;
    if (a.tooLarge)
        return makeError(
            ErrorCode::ResponseTooLarge,
            HttpEmbedder::tr("the embeddings API at %1 sent more than %2 MiB for %3 text(s) — that "
                             "is not an embeddings answer; check KNOWLEDGE_EMBEDDINGS_URL")
                .arg(where)
                .arg(double(options.maxResponseBytes) / (1024.0 * 1024.0), 0, 'f', 0)
                .arg(batchSize));
    if (a.timedOut)
        return makeError(
            ErrorCode::Timeout,
            t.outOfTime
                ? HttpEmbedder::tr(
                      "the embeddings API at %1 did not answer within the %2 s allowed for one "
                      "request (%3 attempts) — check that it is up")
                      .arg(where)
                      .arg(deadlineSeconds)
                      .arg(attempts)
                : HttpEmbedder::tr(
                      "the embeddings API at %1 did not answer within %2 s (%3 attempts) — "
                      "check that it is up, or raise the timeout")
                      .arg(where)
                      .arg(double(options.timeout.count()) / 1000.0)
                      .arg(attempts));
    if (a.redirectTarget.isValid())
        return makeError(
            ErrorCode::Redirected,
            HttpEmbedder::tr(
                "the embeddings API at %1 redirected to %2, another host or scheme: not "
                "followed, so the key stays with %3 — set KNOWLEDGE_EMBEDDINGS_URL to "
                "the address that answers")
                .arg(where, a.redirectTarget.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                     options.baseUrl.host()));
    if (a.status == 0)
        return makeError(ErrorCode::Unreachable,
                         HttpEmbedder::tr("cannot reach the embeddings API at %1: %2 — check "
                                          "KNOWLEDGE_EMBEDDINGS_URL and the network")
                             .arg(where, a.networkError));
    if (a.status == 401 || a.status == 403)
        return makeError(
            ErrorCode::Unauthorized,
            HttpEmbedder::tr("the embeddings API refused the key (HTTP %1: %2) — check "
                             "KNOWLEDGE_EMBEDDINGS_API_KEY")
                .arg(a.status)
                .arg(serverWords(a.body)));
    if (a.status == 429)
        return makeError(
            ErrorCode::RateLimited,
            HttpEmbedder::tr(
                "the embeddings API at %1 kept answering 429 Too Many Requests after %2 "
                "attempts — try again later or lower the request rate")
                .arg(where)
                .arg(attempts));
    if (a.status >= 500)
        return makeError(
            ErrorCode::ServerError,
            HttpEmbedder::tr("the embeddings API at %1 failed with HTTP %2 after %3 attempts: %4 — "
                             "try again later")
                .arg(where)
                .arg(a.status)
                .arg(attempts)
                .arg(serverWords(a.body)));
    if (a.status != 200)
        return makeError(
            ErrorCode::HttpError,
            HttpEmbedder::tr("the embeddings API at %1 answered HTTP %2: %3 — check the URL and "
                             "KNOWLEDGE_EMBEDDINGS_MODEL '%4'")
                .arg(where)
                .arg(a.status)
                .arg(serverWords(a.body), options.model));
    return {};
}

/// The vectors of a 200 answer to `batchSize` texts, in input order, normalised; the first
/// answer fixes the dimension (`dimension`, shared by every thread) that later ones must have.
Result<std::vector<EmbeddingVector>> vectorsIn(const QByteArray &body, const QString &where,
                                               qsizetype batchSize, const QString &model,
                                               std::atomic_int &dimension)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    const QJsonArray data = doc.object().value(QStringLiteral("data")).toArray();
    auto malformed = [&](const QString &what) {
        return makeError(
            ErrorCode::MalformedAnswer,
            HttpEmbedder::tr("the embeddings API at %1 answered something that is not an "
                             "OpenAI-compatible embeddings response (%2) — check the URL")
                .arg(where, what));
    };
    if (perr.error != QJsonParseError::NoError)
        return malformed(perr.errorString());
    if (data.size() != batchSize)
        return malformed(
            HttpEmbedder::tr("%1 embeddings for %2 inputs").arg(data.size()).arg(batchSize));
    std::vector<EmbeddingVector> got(static_cast<size_t>(batchSize));
    for (const auto &item : data) {
        const QJsonObject o = item.toObject();
        const int index = o.value(QStringLiteral("index")).toInt(-1);
        const QJsonArray values = o.value(QStringLiteral("embedding")).toArray();
        if (index < 0 || index >= batchSize || !got[size_t(index)].empty() || values.isEmpty())
            return malformed(
                HttpEmbedder::tr("a missing, repeated or empty embedding at index %1").arg(index));
        EmbeddingVector v;
        v.reserve(size_t(values.size()));
        for (const auto &x : values) {
            if (!x.isDouble() || !std::isfinite(x.toDouble()))
                return malformed(HttpEmbedder::tr("a value that is not a number"));
            v.push_back(float(x.toDouble()));
        }
        int expected = dimension.load();
        if (expected == 0 && dimension.compare_exchange_strong(expected, int(v.size())))
            expected = int(v.size());
        if (int(v.size()) != expected)
            return makeError(
                ErrorCode::DimensionMismatch,
                HttpEmbedder::tr("the embeddings API answered vectors of %1 numbers where %2 were "
                                 "expected (model '%3') — the model behind the URL changed?")
                    .arg(v.size())
                    .arg(expected)
                    .arg(model));
        normalizeEmbedding(v);
        got[size_t(index)] = std::move(v);
    }
    return got;
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
    if (auto checked = checkTransport(o); !checked)
        return checked.error();
    return o;
}

HttpEmbedder::Options HttpEmbedder::forQueries(Options options)
{
    options.timeout = std::min(options.timeout, std::chrono::milliseconds(5000));
    options.maxRetries = std::min(options.maxRetries, 1);
    options.maxBackoff = std::min(options.maxBackoff, std::chrono::milliseconds(1000));
    options.deadline = std::min(options.deadline, std::chrono::milliseconds(8000));
    return options;
}

Result<void> HttpEmbedder::checkTransport(const Options &o)
{
    const QString where = o.baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    const QString scheme = o.baseUrl.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return makeError(ErrorCode::InvalidUrl,
                         tr("the embeddings API URL %1 is neither https:// nor http:// — set "
                            "KNOWLEDGE_EMBEDDINGS_URL to e.g. https://api.example.com")
                             .arg(where));
    if (scheme == QLatin1String("http") && !o.apiKey.isEmpty() && !isLoopback(o.baseUrl.host()))
        return makeError(
            ErrorCode::InsecureUrl,
            tr("refusing to send KNOWLEDGE_EMBEDDINGS_API_KEY over plain http:// to %1, where "
               "anyone on the way can read it — use https://%2, or a loopback address "
               "(http://127.0.0.1, http://localhost) for a server on this machine, or unset the "
               "key if the server needs none")
                .arg(o.baseUrl.host(),
                     o.baseUrl.host()
                         + (o.baseUrl.port() > 0
                                ? QLatin1Char(':') + QString::number(o.baseUrl.port())
                                : QString())));
    return {};
}

QString HttpEmbedder::redacted(QString text) const
{
    const QString &key = m_options.apiKey;
    if (!key.isEmpty())
        text.replace(key, QStringLiteral("[key]"));
    // Providers echo parts of a refused key ("sk-proj-…abcd"): a word with a long piece of
    // its start or end goes too.
    if (key.size() >= 16) {
        QStringList words = text.split(QLatin1Char(' '));
        for (QString &w : words) {
            if (w.contains(key.left(8)) || w.contains(key.right(6)))
                w = QStringLiteral("[key]");
        }
        text = words.join(QLatin1Char(' '));
    }
    const QString password = m_options.baseUrl.password();
    if (!password.isEmpty())
        text.replace(password, QStringLiteral("***"));
    return text;
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
    if (auto checked = checkTransport(m_options); !checked)
        return checked.error();

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
                         QNetworkRequest::SameOriginRedirectPolicy);
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.apiKey.toUtf8());
    QNetworkAccessManager nam; // of this thread: embed() may run on any thread

    for (qsizetype start = 0; start < texts.size(); start += m_options.batchSize) {
        const QStringList batch = texts.mid(start, m_options.batchSize);
        QJsonObject body{{QStringLiteral("model"), m_options.model},
                         {QStringLiteral("input"), QJsonArray::fromStringList(batch)}};
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);

        const Attempt attempt = postWithRetries(nam, request, payload, m_options);
        if (auto refused = refusal(attempt, where, batch.size(), m_options); !refused) {
            Error e = refused.error();
            e.message = redacted(e.message);
            return e;
        }
        auto got
            = vectorsIn(attempt.answer.body, where, batch.size(), m_options.model, m_dimension);
        if (!got)
            return got.error();
        for (auto &v : *got)
            out.push_back(std::move(v));
    }
    return out;
}

} // namespace ke
