#include "app/singleinstance.h"
#include "app/store/operationstore.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

const QString FirstId = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
const QString SecondId = QStringLiteral("9ab9cb54-d07f-4f52-9ea6-a09d7de52c14");

// forward() blocks until the answer comes, and the answer comes from this thread's event
// loop, so the second start is played on a thread of its own.
struct Forwarded
{
    bool reached = false;
    QString reply;
};

Forwarded forwardFromAnotherThread(const QString &key, const QStringList &arguments)
{
    Forwarded result;
    QThread *thread = QThread::create([&result, key, arguments] {
        SingleInstance second(key);
        result.reached = second.forward(arguments, &result.reply, 5000);
    });
    thread->start();
    QDeadlineTimer deadline(10000);
    while (!thread->isFinished() && !deadline.hasExpired())
        QTest::qWait(10);
    thread->wait();
    delete thread;
    return result;
}

QStringList storedIds(const QString &databasePath)
{
    QStringList ids;
    for (const TrackedOperation &operation : OperationStore(databasePath).load().operations)
        ids << operation.id;
    return ids;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void argumentsReachTheRunningInstance();
    void otherDataFoldersAreOtherInstances();
    void helpAndVersionNeedNoDisplay();
    void aSecondStartHandsItsIdsToTheRunningWindow();

private:
    QString m_app;
};

void TestSingleInstance::initTestCase()
{
    // The tests are in <build>/tests, the app in <build>.
    m_app = QDir(QCoreApplication::applicationDirPath())
                .absoluteFilePath(QStringLiteral("../billing-monitor"));
    QVERIFY2(QFileInfo(m_app).isExecutable(), qPrintable(m_app));
}

void TestSingleInstance::argumentsReachTheRunningInstance()
{
    QTemporaryDir folder;
    SingleInstance first(folder.path());
    QStringList received;
    first.setHandler([&received](const QStringList &arguments) {
        received = arguments;
        return QStringLiteral("%1 added").arg(arguments.size());
    });
    QVERIFY2(first.listen(), qPrintable(first.errorString()));

    const Forwarded forwarded = forwardFromAnotherThread(folder.path(), {FirstId, SecondId});
    QVERIFY(forwarded.reached);
    QCOMPARE(forwarded.reply, QStringLiteral("2 added"));
    QCOMPARE(received, QStringList({FirstId, SecondId}));

    // No arguments: still reached (the window comes forward).
    QVERIFY(forwardFromAnotherThread(folder.path(), {}).reached);
    QCOMPARE(received, QStringList());
}

void TestSingleInstance::otherDataFoldersAreOtherInstances()
{
    QTemporaryDir one;
    QTemporaryDir other;
    SingleInstance first(one.path());
    QVERIFY(first.listen());
    QVERIFY(first.serverName() != SingleInstance(other.path()).serverName());
    QVERIFY(!forwardFromAnotherThread(other.path(), {FirstId}).reached);
}

void TestSingleInstance::helpAndVersionNeedNoDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    // Forces a real window system: any attempt to open the display fails the run.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    for (const QString &argument : {QStringLiteral("--help"), QStringLiteral("--version")}) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(m_app, {argument});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        if (argument == u"--help") {
            QVERIFY2(out.contains(u"--demo") && out.contains(u"ids"), qPrintable(out));
        } else {
            QVERIFY2(out.contains(QStringLiteral(BILLING_MONITOR_VERSION)), qPrintable(out));
        }
    }
}

void TestSingleInstance::aSecondStartHandsItsIdsToTheRunningWindow()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("BILLING_MONITOR_TOKEN"));
    const QString database
        = home.filePath(QStringLiteral("data/BillingMonitor/billing-monitor/operations.db"));
    // Graph is a closed port on this computer: the operations are tracked, never answered.
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral("config/BillingMonitor"))));
    QFile settings(home.filePath(QStringLiteral("config/BillingMonitor/billing-monitor.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[graph]\nroot=http://127.0.0.1:9\n");
    settings.close();

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(m_app, {FirstId});
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(database) && storedIds(database).contains(FirstId),
                             20000);

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(m_app,
                 {QStringLiteral("Location: https://graph.microsoft.com/v1.0/reports/"
                                 "partners/billing/operations/")
                  + SecondId});
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 0);
    const QString said = QString::fromUtf8(second.readAllStandardOutput());
    QVERIFY2(said.contains(u"1 added"), qPrintable(said));
    QCOMPARE(first.state(), QProcess::Running);

    // The running window tracks it and saves it beside the first one.
    QTRY_VERIFY_WITH_TIMEOUT(storedIds(database).contains(SecondId), 10000);
    QCOMPARE(storedIds(database), QStringList({FirstId, SecondId}));
    first.kill();
    QVERIFY(first.waitForFinished());
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
