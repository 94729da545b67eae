#include "uuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ke {

QUuid createUuidV7()
{
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    quint8 b[16];
    quint32 rnd[3];
    QRandomGenerator::system()->fillRange(rnd);
    for (int i = 0; i < 6; ++i)
        b[i] = quint8(ms >> (40 - 8 * i));
    const quint8 *r = reinterpret_cast<const quint8 *>(rnd);
    for (int i = 6; i < 16; ++i)
        b[i] = r[i - 6];
    b[6] = quint8(0x70 | (b[6] & 0x0f)); // version 7
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
