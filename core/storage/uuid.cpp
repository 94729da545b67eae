#include "uuid.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ke {

QUuid createUuidV7()
{
    // Monotonic within the process (RFC 9562, method 1): the 12 bits after the millisecond
    // timestamp are a counter, started at a random value below 2048 each new millisecond and
    // incremented within one; on overflow the timestamp moves on by one. Two events made in
    // the same millisecond therefore sort in the order they were made — "ties broken by the
    // time-ordered id" (the latest-rating rule) depends on it.
    static QBasicMutex mutex;
    static quint64 lastMs = 0;
    static quint32 counter = 0;
    quint32 rnd[3];
    QRandomGenerator::system()->fillRange(rnd);
    quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    quint32 seq = 0;
    {
        const QMutexLocker lock(&mutex);
        if (ms > lastMs) {
            lastMs = ms;
            counter = rnd[2] & 0x7ff;
        } else if (++counter > 0xfff) {
            ++lastMs;
            counter = rnd[2] & 0x7ff;
        }
        ms = lastMs;
        seq = counter;
    }
    quint8 b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = quint8(ms >> (40 - 8 * i));
    b[6] = quint8(0x70 | ((seq >> 8) & 0x0f)); // version 7 + counter
    b[7] = quint8(seq & 0xff);
    const quint8 *r = reinterpret_cast<const quint8 *>(rnd);
    for (int i = 8; i < 16; ++i)
        b[i] = r[i - 8];
    b[8] = quint8(0x80 | (b[8] & 0x3f)); // RFC variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b), 16));
}

bool isUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?$"));
    return re.match(text).hasMatch();
}

} // namespace ke
