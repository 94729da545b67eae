#pragma once

// Private to core: one object per key for the whole process.

#include <QString>

#include <map>
#include <memory>
#include <mutex>

namespace ke {

/// The process's one `T` for `key` (made on first use, kept for the process's life): what the
/// OnlineSearch instances of every thread share — the lexical index and the vectors of a
/// tenant. Each `T` has its own registry.
template <typename T> std::shared_ptr<T> sharedInProcess(const QString &key)
{
    static std::mutex registryLock;
    static std::map<QString, std::shared_ptr<T>> registry;
    std::lock_guard guard(registryLock);
    auto &slot = registry[key];
    if (!slot)
        slot = std::make_shared<T>();
    return slot;
}

} // namespace ke
