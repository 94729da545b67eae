#pragma once

#include <QLatin1String>
#include <QString>

#include <utility>
#include <variant>

namespace ke {

/// The machine words of Error::code, declared once: create errors with them
/// (`makeError(ErrorCode::NoTenant, ...)`) and test them with Error::is(). The words are
/// stable (scripts read them from `--json` output), so a code is never renamed.
namespace ErrorCode {
inline constexpr QLatin1String BadEmbedding{"bad_embedding"};
inline constexpr QLatin1String BadInput{"bad_input"};
inline constexpr QLatin1String Batch{"batch"};
inline constexpr QLatin1String CacheBusy{"cache_busy"};
inline constexpr QLatin1String CacheError{"cache_error"};
inline constexpr QLatin1String Cancelled{"cancelled"};
inline constexpr QLatin1String Connect{"connect"};
inline constexpr QLatin1String Copy{"copy"};
inline constexpr QLatin1String CorruptModel{"corrupt_model"};
inline constexpr QLatin1String Database{"database"};
inline constexpr QLatin1String DimensionMismatch{"dimension_mismatch"};
inline constexpr QLatin1String Embedder{"embedder"};
inline constexpr QLatin1String EmptyCorpus{"empty_corpus"};
inline constexpr QLatin1String EmptyQuery{"empty_query"};
inline constexpr QLatin1String HttpError{"http_error"};
inline constexpr QLatin1String InsecureUrl{"insecure_url"};
inline constexpr QLatin1String Internal{"internal"};
inline constexpr QLatin1String InvalidComment{"invalid_comment"};
inline constexpr QLatin1String InvalidCursor{"invalid_cursor"};
inline constexpr QLatin1String InvalidDataset{"invalid_dataset"};
inline constexpr QLatin1String InvalidDatasetsTable{"invalid_datasets_table"};
inline constexpr QLatin1String InvalidEvent{"invalid_event"};
inline constexpr QLatin1String InvalidFeedback{"invalid_feedback"};
inline constexpr QLatin1String InvalidFormat{"invalid_format"};
inline constexpr QLatin1String InvalidLimit{"invalid_limit"};
inline constexpr QLatin1String InvalidName{"invalid_name"};
inline constexpr QLatin1String InvalidOption{"invalid_option"};
inline constexpr QLatin1String InvalidPerson{"invalid_person"};
inline constexpr QLatin1String InvalidQuirk{"invalid_quirk"};
inline constexpr QLatin1String InvalidTask{"invalid_task"};
inline constexpr QLatin1String InvalidTenant{"invalid_tenant"};
inline constexpr QLatin1String InvalidType{"invalid_type"};
inline constexpr QLatin1String InvalidUrl{"invalid_url"};
inline constexpr QLatin1String Io{"io"};
inline constexpr QLatin1String MalformedAnswer{"malformed_answer"};
inline constexpr QLatin1String MigrationChanged{"migration_changed"};
inline constexpr QLatin1String NoAccess{"no_access"};
inline constexpr QLatin1String NoActor{"no_actor"};
inline constexpr QLatin1String NoCache{"no_cache"};
inline constexpr QLatin1String NoKey{"no_key"};
inline constexpr QLatin1String NoModel{"no_model"};
inline constexpr QLatin1String NoProgress{"no_progress"};
inline constexpr QLatin1String NoTenant{"no_tenant"};
inline constexpr QLatin1String NoTenants{"no_tenants"};
inline constexpr QLatin1String NotConfigured{"not_configured"};
inline constexpr QLatin1String NotMigrated{"not_migrated"};
inline constexpr QLatin1String NotYourPerson{"not_your_person"};
inline constexpr QLatin1String PermissionDenied{"permission_denied"};
inline constexpr QLatin1String QuirkConflict{"quirk_conflict"};
inline constexpr QLatin1String RateLimited{"rate_limited"};
inline constexpr QLatin1String Redirected{"redirected"};
inline constexpr QLatin1String Refused{"refused"};
inline constexpr QLatin1String ResponseTooLarge{"response_too_large"};
inline constexpr QLatin1String RetiredQuirk{"retired_quirk"};
inline constexpr QLatin1String SchemaTooNew{"schema_too_new"};
inline constexpr QLatin1String ServerError{"server_error"};
inline constexpr QLatin1String TenantFailed{"tenant_failed"};
inline constexpr QLatin1String Timeout{"timeout"};
inline constexpr QLatin1String Unauthorized{"unauthorized"};
inline constexpr QLatin1String UnknownDataset{"unknown_dataset"};
inline constexpr QLatin1String UnknownEventType{"unknown_event_type"};
inline constexpr QLatin1String UnknownPerson{"unknown_person"};
inline constexpr QLatin1String UnknownQuirk{"unknown_quirk"};
inline constexpr QLatin1String UnknownTarget{"unknown_target"};
inline constexpr QLatin1String UnknownTenant{"unknown_tenant"};
inline constexpr QLatin1String Unreachable{"unreachable"};
inline constexpr QLatin1String Unwritable{"unwritable"};
inline constexpr QLatin1String Usage{"usage"};
inline constexpr QLatin1String VectorIndex{"vector_index"};
inline constexpr QLatin1String WriteFailed{"write_failed"};
inline constexpr QLatin1String WrongDatabase{"wrong_database"};
inline constexpr QLatin1String WrongTenant{"wrong_tenant"};
inline constexpr QLatin1String X{"x"};
} // namespace ErrorCode

/// What went wrong, for people: `code` is a stable machine word (ErrorCode), `message` says
/// what failed, with which input, and what to do.
struct Error
{
    QString code;
    QString message;

    bool is(QLatin1String errorCode) const { return code == errorCode; }
};

/// A value or an Error. Member names follow std::expected so that this can become
/// std::expected once the toolchain has it. Cheap to move; not thread-safe (a value type).
template <typename T> class Result
{
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error))
    { }

    bool has_value() const { return m_v.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(QString code, QString message)
{
    return Error{std::move(code), std::move(message)};
}

} // namespace ke
