#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The translations are complete for the sources as they are now: lupdate run into a copy of
// each .ts finds no string without a finished translation, and every translation keeps its
// source's placeholders and menu accelerator. When this fails, refresh the .ts files
// (cmake --build build --target update_translations) and translate what it lists.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isComplete_data();
    void isComplete();
    void keepsPlaceholdersAndAccelerators();

private:
    struct Message
    {
        QString context;
        QString source;
        QStringList translations;
        bool unfinished = false;
        bool numerus = false;
    };
    static QList<Message> read(const QString &tsFile);

    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(LUPDATE)), LUPDATE);
    QVERIFY2(QFile::exists(QStringLiteral(LRELEASE)), LRELEASE);
}

QList<TestTranslations::Message> TestTranslations::read(const QString &tsFile)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"message") {
                message = Message {context,
                                   {},
                                   {},
                                   false,
                                   xml.attributes().value(QStringLiteral("numerus"))
                                       == QStringLiteral("yes")};
            } else if (xml.name() == u"source") {
                message.source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                const QString type = xml.attributes().value(QStringLiteral("type")).toString();
                message.unfinished = type == u"unfinished";
                if (xml.readNext() == QXmlStreamReader::Characters && !xml.isWhitespace())
                    message.translations << xml.text().toString();
            } else if (xml.name() == u"numerusform") {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages << message;
        }
    }
    return messages;
}

void TestTranslations::isComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("Czech") << QStringLiteral("cs") << QStringList();
    // English is the source language: only its plural forms need a translation.
    QTest::newRow("English plurals")
        << QStringLiteral("en") << QStringList {QStringLiteral("-pluralonly")};
}

void TestTranslations::isComplete()
{
    QFETCH(QString, language);
    QFETCH(QStringList, options);
    const QString name = QStringLiteral("billingmonitor_%1.ts").arg(language);
    const QString source = QStringLiteral(TRANSLATIONS_DIR "/") + name;
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    QVERIFY2(QFile::copy(source, copy), qPrintable(source));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LUPDATE),
                  QStringList {QStringLiteral("@" TRANSLATED_SOURCES), QStringLiteral("-ts"), copy,
                               QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                               QStringLiteral("none"), QStringLiteral("-source-language"),
                               QStringLiteral("en"), QStringLiteral("-target-language"), language}
                      + options);
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QProcess lrelease;
    lrelease.setProcessChannelMode(QProcess::MergedChannels);
    lrelease.start(QStringLiteral(LRELEASE),
                   {copy, QStringLiteral("-qm"), m_dir.filePath(language + QStringLiteral(".qm"))});
    QVERIFY(lrelease.waitForFinished(60000));
    const QString report = QString::fromUtf8(lrelease.readAll());
    QVERIFY2(lrelease.exitCode() == 0, qPrintable(report));

    QStringList missing;
    for (const Message &message : read(copy)) {
        if (message.unfinished || message.translations.isEmpty())
            missing << message.context + QStringLiteral(": ") + message.source;
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) not translated in %2; run `cmake --build "
                                       "build --target update_translations` and translate:\n  %3")
                            .arg(missing.size())
                            .arg(name, missing.join(QStringLiteral("\n  ")))));
    const QRegularExpression unfinished(QStringLiteral("(\\d+) unfinished"));
    const QRegularExpressionMatch match = unfinished.match(report);
    QVERIFY2(match.hasMatch(), qPrintable(report));
    QCOMPARE(match.captured(1).toInt(), 0);
    QVERIFY2(!report.contains(QStringLiteral("untranslated")), qPrintable(report));
}

void TestTranslations::keepsPlaceholdersAndAccelerators()
{
    const QRegularExpression placeholder(QStringLiteral("%L?(\\d+|n)"));
    const QRegularExpression accelerator(QStringLiteral("&(?!&|[a-z]+;|#)(.)"));
    const auto placeholders = [&placeholder](const QString &text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found << it.next().captured(0);
        found.sort();
        found.removeDuplicates();
        return found;
    };
    const auto accelerators = [&accelerator](const QString &text) {
        int count = 0;
        for (auto it = accelerator.globalMatch(text); it.hasNext(); it.next())
            ++count;
        return count;
    };
    const QList<Message> messages = read(QStringLiteral(TRANSLATIONS_DIR "/billingmonitor_cs.ts"));
    QVERIFY(messages.size() > 300);
    QStringList wrong;
    for (const Message &message : messages) {
        for (const QString &translation : message.translations) {
            QStringList expected = placeholders(message.source);
            QStringList found = placeholders(translation);
            // A plural form may say its number in words ("jediný soubor" for one).
            if (message.numerus) {
                for (QStringList *list : {&expected, &found}) {
                    list->removeAll(QStringLiteral("%n"));
                    list->removeAll(QStringLiteral("%Ln"));
                }
            }
            if (found != expected)
                wrong << QStringLiteral("placeholders: %1 → %2").arg(message.source, translation);
            if (accelerators(translation) != accelerators(message.source))
                wrong << QStringLiteral("accelerator: %1 → %2").arg(message.source, translation);
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
