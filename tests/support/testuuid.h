#pragma once

#include <QString>
#include <QUuid>

namespace ke::test {

/// A UUID as the database and knowledgectl write it (no braces).
inline QString uuidText(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

} // namespace ke::test
