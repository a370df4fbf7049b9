#include "app/appsettings.h"
#include "app/exports/exportstarter.h"
#include "app/polling/operationmonitor.h"
#include "models/operationtablemodel.h"
#include "support/simulatedgraph.h"
#include "ui/newexportdialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Kind = ExportRequest::Kind;

class TestNewExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fieldsFollowTheKind();
    void hiddenFieldKeepsItsMessageAndTheLayoutHolds();
    void invoiceIsCheckedAsTyped();
    void currencyIsCheckedAsTyped();
    void enterWithInvalidFieldsSendsNothing();
    void startsAnExportAndReportsItsId();
    void refusalIsShownInline();
    void messagesAreReadWholeAndTheKindIsRemembered();

private:
    void selectKind(Kind kind);

    std::unique_ptr<SimulatedGraph> m_graph;
    std::unique_ptr<OperationTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<OperationMonitor> m_monitor;
    std::unique_ptr<ExportStarter> m_starter;
    std::unique_ptr<NewExportDialog> m_dialog;
};

void TestNewExportDialog::init()
{
    m_graph = std::make_unique<SimulatedGraph>();
    QString error;
    QVERIFY2(m_graph->start(&error), qPrintable(error));
    m_model = std::make_unique<OperationTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_monitor = std::make_unique<OperationMonitor>(m_model.get(), &m_graph->client);
    m_starter = std::make_unique<ExportStarter>(&m_graph->client, m_monitor.get());
    m_dialog = std::make_unique<NewExportDialog>(m_starter.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestNewExportDialog::cleanup()
{
    m_dialog.reset();
    m_starter.reset();
    m_monitor.reset();
    m_tester.reset();
    m_model.reset();
    m_graph.reset();
}

void TestNewExportDialog::messagesAreReadWholeAndTheKindIsRemembered()
{
    selectKind(Kind::UnbilledUsage);
    // Three letters that no currency has are refused too.
    QTest::keyClicks(m_dialog->currencyEdit(), QStringLiteral("ABC"));
    QVERIFY2(m_dialog->currencyMessage().contains(u"ISO 4217"),
             qPrintable(m_dialog->currencyMessage()));
    auto *message = m_dialog->findChild<QLabel *>(QStringLiteral("currencyMessage"));
    QVERIFY(message->isVisible());
    QTRY_VERIFY(message->height() >= message->heightForWidth(message->width()));
    // The entry keeps a usable width while the message wraps under it.
    QVERIFY(m_dialog->currencyEdit()->width() > 100);

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setLastExportKind(int(Kind::BilledReconciliation));
    NewExportDialog again(m_starter.get(), &settings);
    QCOMPARE(again.request().kind, Kind::BilledReconciliation);
}

void TestNewExportDialog::selectKind(Kind kind)
{
    m_dialog->kindBox()->setCurrentIndex(m_dialog->kindBox()->findData(int(kind)));
    QCOMPARE(m_dialog->request().kind, kind);
}

void TestNewExportDialog::fieldsFollowTheKind()
{
    QCOMPARE(m_dialog->kindBox()->count(), 4);
    for (const Kind kind : ExportRequest::kinds()) {
        selectKind(kind);
        const bool billed = ExportRequest::usesInvoice(kind);
        QCOMPARE(m_dialog->isFieldShown(m_dialog->invoiceEdit()), billed);
        QCOMPARE(m_dialog->invoiceEdit()->isVisible(), billed);
        QCOMPARE(m_dialog->isFieldShown(m_dialog->currencyEdit()), !billed);
        QCOMPARE(m_dialog->currencyEdit()->isVisible(), !billed);
        QCOMPARE(m_dialog->isFieldShown(m_dialog->periodBox()), !billed);
        QVERIFY(m_dialog->isFieldShown(m_dialog->attributeSetBox()));
    }
    QCOMPARE(m_dialog->attributeSetBox()->count(), 2);
    QCOMPARE(m_dialog->attributeSetBox()->currentData().toString(), QStringLiteral("full"));
    QCOMPARE(m_dialog->periodBox()->count(), 2);
}

// A hidden row that holds a word-wrapped message is what made Qt 6.4's QFormLayout corrupt
// memory in heightForWidth; this walks through it (and is worth running under valgrind).
void TestNewExportDialog::hiddenFieldKeepsItsMessageAndTheLayoutHolds()
{
    selectKind(Kind::BilledUsage);
    QTest::keyClicks(m_dialog->invoiceEdit(), QStringLiteral("not an invoice"));
    QVERIFY(!m_dialog->invoiceMessage().isEmpty());
    selectKind(Kind::UnbilledUsage);
    QTest::keyClicks(m_dialog->currencyEdit(), QStringLiteral("dollars"));
    QVERIFY(!m_dialog->currencyMessage().isEmpty());
    for (const int width : {480, 700, 520, 900}) {
        m_dialog->resize(width, m_dialog->height());
        QCoreApplication::processEvents();
        QVERIFY(m_dialog->layout()->minimumSize().height() > 0);
        QVERIFY(m_dialog->heightForWidth(width) != 0);
        QVERIFY(!m_dialog->invoiceEdit()->isVisible());
        QVERIFY(!m_dialog->findChild<QWidget *>(QStringLiteral("invoiceMessage"))->isVisible());
        QVERIFY(m_dialog->findChild<QWidget *>(QStringLiteral("currencyMessage"))->isVisible());
        selectKind(Kind::BilledReconciliation);
        QCoreApplication::processEvents();
        QVERIFY(m_dialog->invoiceEdit()->isVisible());
        // The message typed earlier is still there for the field it belongs to.
        QVERIFY(m_dialog->findChild<QWidget *>(QStringLiteral("invoiceMessage"))->isVisible());
        QVERIFY(!m_dialog->currencyEdit()->isVisible());
        QVERIFY(!m_dialog->periodBox()->isVisible());
        selectKind(Kind::UnbilledReconciliation);
    }
}

void TestNewExportDialog::invoiceIsCheckedAsTyped()
{
    selectKind(Kind::BilledUsage);
    // Nothing typed yet: no scolding, but nothing to start either.
    QVERIFY(m_dialog->invoiceMessage().isEmpty());
    QVERIFY(!m_dialog->startButton()->isEnabled());

    QTest::keyClicks(m_dialog->invoiceEdit(), QStringLiteral("g0169"));
    QVERIFY2(m_dialog->invoiceMessage().contains(u"9 to 11 digits"),
             qPrintable(m_dialog->invoiceMessage()));
    QVERIFY(m_dialog->findChild<QWidget *>(QStringLiteral("invoiceMessage"))->isVisible());
    QVERIFY(!m_dialog->startButton()->isEnabled());

    QTest::keyClicks(m_dialog->invoiceEdit(), QStringLiteral("07411"));
    QVERIFY(m_dialog->invoiceMessage().isEmpty());
    QVERIFY(!m_dialog->findChild<QWidget *>(QStringLiteral("invoiceMessage"))->isVisible());
    QVERIFY(m_dialog->startButton()->isEnabled());
    QCOMPARE(m_dialog->request().normalized().invoiceId, QStringLiteral("G016907411"));

    m_dialog->invoiceEdit()->selectAll();
    QTest::keyClick(m_dialog->invoiceEdit(), Qt::Key_Delete);
    QVERIFY2(m_dialog->invoiceMessage().contains(u"Enter the invoice id"),
             qPrintable(m_dialog->invoiceMessage()));
    QVERIFY(!m_dialog->startButton()->isEnabled());

    // The billed kinds share the invoice field.
    QTest::keyClicks(m_dialog->invoiceEdit(), QStringLiteral("G012040490"));
    selectKind(Kind::BilledReconciliation);
    QVERIFY(m_dialog->startButton()->isEnabled());
    // Switching to an unbilled kind needs a currency instead.
    selectKind(Kind::UnbilledUsage);
    QVERIFY(!m_dialog->startButton()->isEnabled());
}

void TestNewExportDialog::currencyIsCheckedAsTyped()
{
    selectKind(Kind::UnbilledReconciliation);
    QVERIFY(m_dialog->currencyMessage().isEmpty());
    QVERIFY(!m_dialog->startButton()->isEnabled());

    QTest::keyClicks(m_dialog->currencyEdit(), QStringLiteral("euro"));
    QVERIFY2(m_dialog->currencyMessage().contains(u"3 letters"),
             qPrintable(m_dialog->currencyMessage()));
    QVERIFY(!m_dialog->startButton()->isEnabled());

    QTest::keyClick(m_dialog->currencyEdit(), Qt::Key_Backspace);
    QVERIFY(m_dialog->currencyMessage().isEmpty());
    QVERIFY(m_dialog->startButton()->isEnabled());

    m_dialog->periodBox()->setCurrentIndex(m_dialog->periodBox()->findData(QStringLiteral("last")));
    m_dialog->attributeSetBox()->setCurrentIndex(
        m_dialog->attributeSetBox()->findData(QStringLiteral("basic")));
    QCOMPARE(m_dialog->request().label(),
             QStringLiteral("Unbilled reconciliation · EUR · last · basic"));
}

void TestNewExportDialog::enterWithInvalidFieldsSendsNothing()
{
    selectKind(Kind::BilledUsage);
    QTest::keyClicks(m_dialog->invoiceEdit(), QStringLiteral("nonsense"));
    QTest::keyClick(m_dialog->invoiceEdit(), Qt::Key_Return);
    QTest::qWait(50);
    QCOMPARE(m_graph->simulator.requestCount(), 0);
    QVERIFY(m_dialog->isVisible());

    // Once the invoice is right, Enter starts the export.
    QSignalSpy started(m_dialog.get(), &NewExportDialog::exportStarted);
    m_dialog->invoiceEdit()->setText(QStringLiteral("G031809528"));
    QTest::keyClick(m_dialog->invoiceEdit(), Qt::Key_Return);
    QVERIFY(started.wait(10000));
    QCOMPARE(m_model->find(started.first().first().toString())->label,
             QStringLiteral("Billed usage · G031809528 · full"));
}

void TestNewExportDialog::startsAnExportAndReportsItsId()
{
    QSignalSpy started(m_dialog.get(), &NewExportDialog::exportStarted);
    m_graph->simulator.setResponseDelay(100);
    selectKind(Kind::UnbilledUsage);
    QTest::keyClicks(m_dialog->currencyEdit(), QStringLiteral("usd"));
    QTest::mouseClick(m_dialog->startButton(), Qt::LeftButton);

    // While Graph is asked, Start stays off, so the export cannot go out twice.
    QVERIFY(!m_dialog->startButton()->isEnabled());
    QVERIFY(m_dialog->findChild<QWidget *>(QStringLiteral("progress"))->isVisible());

    QVERIFY(started.wait(10000));
    const QString id = started.first().first().toString();
    QVERIFY(m_graph->simulator.operationIds().contains(id));
    QVERIFY(m_model->contains(id));
    QCOMPARE(m_model->find(id)->label, QStringLiteral("Unbilled usage · USD · current · full"));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
}

void TestNewExportDialog::refusalIsShownInline()
{
    ExportSettings settings;
    settings.forcedStatus = 403;
    m_graph->simulator.setExportSettings(settings);
    selectKind(Kind::BilledUsage);
    QTest::keyClicks(m_dialog->invoiceEdit(), QStringLiteral("G016907411"));
    QTest::mouseClick(m_dialog->startButton(), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->failureMessage().isEmpty(), 10000);
    const QString message = m_dialog->failureMessage();
    QVERIFY2(message.contains(u"HTTP 403"), qPrintable(message));
    QVERIFY2(message.contains(u"Forbidden"), qPrintable(message));
    QVERIFY2(message.contains(u"Request id: "), qPrintable(message));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_dialog->startButton()->isEnabled());
    QVERIFY(!m_dialog->findChild<QWidget *>(QStringLiteral("progress"))->isVisible());
    QCOMPARE(m_model->rowCount(), 0);

    // A fresh attempt clears the old message.
    m_graph->simulator.setExportSettings(ExportSettings());
    QSignalSpy started(m_dialog.get(), &NewExportDialog::exportStarted);
    QTest::mouseClick(m_dialog->startButton(), Qt::LeftButton);
    QVERIFY(m_dialog->failureMessage().isEmpty());
    QVERIFY(started.wait(10000));
    QCOMPARE(m_model->rowCount(), 1);
}

QTEST_MAIN(TestNewExportDialog)
#include "tst_gui_newexportdialog.moc"
