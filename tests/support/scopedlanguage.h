#pragma once

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ke::test {

/// While it lives, the application speaks `language` ("en", "de"): the project's translation
/// from `qmDirectory` (a test's KE_QM_DIR), Qt's own, and the default locale; afterwards the C
/// locale and no translator again. For tests that render the screenshots in both languages
/// (screenshots.h) or check the translations themselves.
class ScopedLanguage
{
public:
    ScopedLanguage(const QString &qmDirectory, const QString &language)
    {
        m_loaded = m_translator.load(qmDirectory + QStringLiteral("/knowledge_") + language
                                     + QStringLiteral(".qm"));
        QCoreApplication::installTranslator(&m_translator);
        if (m_qtbase.load(QStringLiteral("qtbase_") + language,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtbase);
        QLocale::setDefault(QLocale(language));
    }
    ~ScopedLanguage()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&m_translator);
        QCoreApplication::removeTranslator(&m_qtbase);
    }
    ScopedLanguage(const ScopedLanguage &) = delete;
    ScopedLanguage &operator=(const ScopedLanguage &) = delete;

    /// Whether the project's translation was found.
    bool isLoaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    QTranslator m_qtbase;
    bool m_loaded = false;
};

} // namespace ke::test
