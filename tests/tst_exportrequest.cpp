#include "app/exports/exportrequest.h"

#include <QJsonDocument>
#include <QTest>

using Kind = ExportRequest::Kind;
using Field = ExportRequest::Field;

Q_DECLARE_METATYPE(ExportRequest::Kind)

namespace {

ExportRequest billed(Kind kind, const QString &invoiceId, const QString &attributeSet = {})
{
    ExportRequest request;
    request.kind = kind;
    request.invoiceId = invoiceId;
    request.attributeSet = attributeSet;
    return request;
}

ExportRequest unbilled(Kind kind, const QString &currency, const QString &period,
                       const QString &attributeSet = {})
{
    ExportRequest request;
    request.kind = kind;
    request.currencyCode = currency;
    request.billingPeriod = period;
    request.attributeSet = attributeSet;
    return request;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestExportRequest : public QObject
{
    Q_OBJECT

private slots:
    void invoiceIds_data();
    void invoiceIds();
    void currencyCodes_data();
    void currencyCodes();
    void billingPeriods_data();
    void billingPeriods();
    void attributeSets_data();
    void attributeSets();
    void messagesGiveAnExample();
    void onlyTheKindsFieldsAreChecked();
    void bodies_data();
    void bodies();
    void urls_data();
    void urls();
    void labels_data();
    void labels();
    void everyKindHasAName();
};

void TestExportRequest::invoiceIds_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("docs example") << QStringLiteral("G016907411") << true
                                  << QStringLiteral("G016907411");
    QTest::newRow("second docs example")
        << QStringLiteral("G012040490") << true << QStringLiteral("G012040490");
    QTest::newRow("third docs example")
        << QStringLiteral("G031809528") << true << QStringLiteral("G031809528");
    QTest::newRow("lower case, spaces")
        << QStringLiteral("  g016907411 \t") << true << QStringLiteral("G016907411");
    QTest::newRow("11 digits") << QStringLiteral("D01234567890") << true
                               << QStringLiteral("D01234567890");
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << false << QString();
    QTest::newRow("8 digits") << QStringLiteral("G01690741") << false
                              << QStringLiteral("G01690741");
    QTest::newRow("12 digits") << QStringLiteral("G016907411111") << false
                               << QStringLiteral("G016907411111");
    QTest::newRow("no letter") << QStringLiteral("016907411") << false
                               << QStringLiteral("016907411");
    QTest::newRow("two letters") << QStringLiteral("GG16907411") << false
                                 << QStringLiteral("GG16907411");
    QTest::newRow("inner space") << QStringLiteral("G0169 07411") << false
                                 << QStringLiteral("G0169 07411");
    QTest::newRow("a GUID") << QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc") << false
                            << QStringLiteral("6FE687D7-1E0F-4BD6-9091-4672691F64BC");
    QTest::newRow("non-ASCII digits")
        << QStringLiteral("G٠١٦٩٠٧٤١١") << false << QStringLiteral("G٠١٦٩٠٧٤١١");
}

void TestExportRequest::invoiceIds()
{
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);

    for (const Kind kind : {Kind::BilledUsage, Kind::BilledReconciliation}) {
        const ExportRequest request = billed(kind, typed);
        QCOMPARE(request.isValid(), valid);
        QCOMPARE(request.errorFor(Field::InvoiceId).isEmpty(), valid);
        QCOMPARE(request.normalized().invoiceId, normalized);
        if (!valid) {
            QCOMPARE(request.validate().size(), 1);
            QCOMPARE(request.validate().first().field, Field::InvoiceId);
        }
    }
}

void TestExportRequest::currencyCodes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("USD") << QStringLiteral("USD") << true << QStringLiteral("USD");
    QTest::newRow("lower case, spaces") << QStringLiteral(" eur ") << true << QStringLiteral("EUR");
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("two letters") << QStringLiteral("US") << false << QStringLiteral("US");
    QTest::newRow("four letters") << QStringLiteral("USDX") << false << QStringLiteral("USDX");
    QTest::newRow("digits") << QStringLiteral("840") << false << QStringLiteral("840");
    QTest::newRow("symbol") << QStringLiteral("US$") << false << QStringLiteral("US$");
    QTest::newRow("non-ASCII letters") << QStringLiteral("ÜSD") << false << QStringLiteral("ÜSD");
    // Three letters are not enough: the code must be one ISO 4217 lists.
    QTest::newRow("not a currency") << QStringLiteral("ABC") << false << QStringLiteral("ABC");
    QTest::newRow("Czech koruna") << QStringLiteral("czk") << true << QStringLiteral("CZK");
}

void TestExportRequest::currencyCodes()
{
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);

    for (const Kind kind : {Kind::UnbilledUsage, Kind::UnbilledReconciliation}) {
        const ExportRequest request = unbilled(kind, typed, QStringLiteral("current"));
        QCOMPARE(request.isValid(), valid);
        QCOMPARE(request.errorFor(Field::CurrencyCode).isEmpty(), valid);
        QCOMPARE(request.normalized().currencyCode, normalized);
    }
}

void TestExportRequest::billingPeriods_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");

    QTest::newRow("current") << QStringLiteral("current") << true;
    QTest::newRow("last") << QStringLiteral("last") << true;
    QTest::newRow("upper case") << QStringLiteral(" LAST ") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("previous") << QStringLiteral("previous") << false;
    QTest::newRow("unknownFutureValue") << QStringLiteral("unknownFutureValue") << false;
}

void TestExportRequest::billingPeriods()
{
    QFETCH(QString, typed);
    QFETCH(bool, valid);

    const ExportRequest request = unbilled(Kind::UnbilledUsage, QStringLiteral("USD"), typed);
    QCOMPARE(request.isValid(), valid);
    QCOMPARE(request.errorFor(Field::BillingPeriod).isEmpty(), valid);
    if (valid)
        QCOMPARE(request.normalized().billingPeriod, typed.trimmed().toLower());
}

void TestExportRequest::attributeSets_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("full") << QStringLiteral("full") << true << QStringLiteral("full");
    QTest::newRow("basic") << QStringLiteral("Basic") << true << QStringLiteral("basic");
    QTest::newRow("empty means full") << QString() << true << QStringLiteral("full");
    QTest::newRow("partial") << QStringLiteral("partial") << false << QStringLiteral("partial");
}

void TestExportRequest::attributeSets()
{
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);

    for (const Kind kind : ExportRequest::kinds()) {
        ExportRequest request = ExportRequest::usesInvoice(kind)
            ? billed(kind, QStringLiteral("G016907411"), typed)
            : unbilled(kind, QStringLiteral("USD"), QStringLiteral("last"), typed);
        QCOMPARE(request.isValid(), valid);
        QCOMPARE(request.errorFor(Field::AttributeSet).isEmpty(), valid);
        QCOMPARE(request.normalized().attributeSet, normalized);
    }
}

void TestExportRequest::messagesGiveAnExample()
{
    const QString missingInvoice = ExportRequest::invoiceIdError(QString());
    QVERIFY2(missingInvoice.contains(u"G016907411"), qPrintable(missingInvoice));
    const QString badInvoice = ExportRequest::invoiceIdError(QStringLiteral("INV-42"));
    QVERIFY2(badInvoice.contains(u"INV-42"), qPrintable(badInvoice));
    QVERIFY2(badInvoice.contains(u"G016907411"), qPrintable(badInvoice));
    QVERIFY2(badInvoice.contains(u"9 to 11 digits"), qPrintable(badInvoice));

    const QString badCurrency = ExportRequest::currencyCodeError(QStringLiteral("dollars"));
    QVERIFY2(badCurrency.contains(u"dollars"), qPrintable(badCurrency));
    QVERIFY2(badCurrency.contains(u"3 letters"), qPrintable(badCurrency));
    QVERIFY2(badCurrency.contains(u"USD"), qPrintable(badCurrency));

    const QString badPeriod = ExportRequest::billingPeriodError(QStringLiteral("next"));
    QVERIFY2(badPeriod.contains(u"current or last"), qPrintable(badPeriod));
    const QString badSet = ExportRequest::attributeSetError(QStringLiteral("all"));
    QVERIFY2(badSet.contains(u"full or basic"), qPrintable(badSet));

    // Pasted junk is quoted, but not at any length.
    const QString longJunk = ExportRequest::invoiceIdError(QString(5000, QLatin1Char('x')));
    QVERIFY(longJunk.size() < 300);
}

void TestExportRequest::onlyTheKindsFieldsAreChecked()
{
    // A billed export does not care about a half-typed currency, and the reverse.
    ExportRequest request = billed(Kind::BilledUsage, QStringLiteral("G016907411"));
    request.currencyCode = QStringLiteral("??");
    request.billingPeriod = QStringLiteral("someday");
    QVERIFY(request.isValid());
    QVERIFY(request.errorFor(Field::CurrencyCode).isEmpty());
    QVERIFY(request.normalized().currencyCode.isEmpty());

    request = unbilled(Kind::UnbilledReconciliation, QStringLiteral("usd"), QStringLiteral("last"));
    request.invoiceId = QStringLiteral("nonsense");
    QVERIFY(request.isValid());
    QVERIFY(request.normalized().invoiceId.isEmpty());

    // Every problem at once, one per field.
    request = unbilled(Kind::UnbilledUsage, QStringLiteral("x"), QStringLiteral("y"),
                       QStringLiteral("z"));
    const QList<ExportRequest::FieldError> errors = request.validate();
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors.at(0).field, Field::CurrencyCode);
    QCOMPARE(errors.at(1).field, Field::BillingPeriod);
    QCOMPARE(errors.at(2).field, Field::AttributeSet);
}

void TestExportRequest::bodies_data()
{
    QTest::addColumn<ExportRequest::Kind>("kind");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("billed usage") << Kind::BilledUsage
                                  << QByteArray(
                                         R"({"attributeSet":"full","invoiceId":"G016907411"})");
    QTest::newRow("billed reconciliation")
        << Kind::BilledReconciliation
        << QByteArray(R"({"attributeSet":"full","invoiceId":"G016907411"})");
    QTest::newRow("unbilled usage")
        << Kind::UnbilledUsage
        << QByteArray(R"({"attributeSet":"full","billingPeriod":"current","currencyCode":"USD"})");
    QTest::newRow("unbilled reconciliation")
        << Kind::UnbilledReconciliation
        << QByteArray(R"({"attributeSet":"full","billingPeriod":"current","currencyCode":"USD"})");
}

void TestExportRequest::bodies()
{
    QFETCH(ExportRequest::Kind, kind);
    QFETCH(QByteArray, body);

    // Typed sloppily; the body carries the normalized values and nothing else.
    ExportRequest request;
    request.kind = kind;
    request.invoiceId = QStringLiteral(" g016907411 ");
    request.currencyCode = QStringLiteral("usd ");
    request.billingPeriod = QStringLiteral("Current");
    request.attributeSet = QString();
    QVERIFY(request.isValid());
    QCOMPARE(compact(request.body()), body);

    request.attributeSet = QStringLiteral("BASIC");
    QCOMPARE(request.body().value(QLatin1String("attributeSet")).toString(),
             QStringLiteral("basic"));
}

void TestExportRequest::urls_data()
{
    QTest::addColumn<ExportRequest::Kind>("kind");
    QTest::addColumn<QString>("url");

    const QString base
        = QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/");
    QTest::newRow("billed usage") << Kind::BilledUsage
                                  << base + QStringLiteral("usage/billed/export");
    QTest::newRow("unbilled usage")
        << Kind::UnbilledUsage << base + QStringLiteral("usage/unbilled/export");
    QTest::newRow("billed reconciliation")
        << Kind::BilledReconciliation << base + QStringLiteral("reconciliation/billed/export");
    QTest::newRow("unbilled reconciliation")
        << Kind::UnbilledReconciliation << base + QStringLiteral("reconciliation/unbilled/export");
}

void TestExportRequest::urls()
{
    QFETCH(ExportRequest::Kind, kind);
    QFETCH(QString, url);

    ExportRequest request;
    request.kind = kind;
    QCOMPARE(request.url(GraphEndpoint()).toString(), url);

    QString error;
    const std::optional<GraphEndpoint> beta = GraphEndpoint::make(
        QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("beta"), &error);
    QVERIFY2(beta, qPrintable(error));
    QVERIFY(request.url(*beta).toString().startsWith(
        u"http://127.0.0.1:8080/beta/reports/partners/billing/"));
}

void TestExportRequest::labels_data()
{
    QTest::addColumn<ExportRequest::Kind>("kind");
    QTest::addColumn<QString>("attributeSet");
    QTest::addColumn<QString>("label");

    QTest::newRow("billed usage") << Kind::BilledUsage << QStringLiteral("full")
                                  << QStringLiteral("Billed usage · G016907411 · full");
    QTest::newRow("billed reconciliation, basic")
        << Kind::BilledReconciliation << QStringLiteral("basic")
        << QStringLiteral("Billed reconciliation · G016907411 · basic");
    QTest::newRow("unbilled usage")
        << Kind::UnbilledUsage << QString() << QStringLiteral("Unbilled usage · USD · last · full");
    QTest::newRow("unbilled reconciliation")
        << Kind::UnbilledReconciliation << QStringLiteral("Basic")
        << QStringLiteral("Unbilled reconciliation · USD · last · basic");
}

void TestExportRequest::labels()
{
    QFETCH(ExportRequest::Kind, kind);
    QFETCH(QString, attributeSet);
    QFETCH(QString, label);

    ExportRequest request;
    request.kind = kind;
    request.invoiceId = QStringLiteral("g016907411");
    request.currencyCode = QStringLiteral("usd");
    request.billingPeriod = QStringLiteral("LAST");
    request.attributeSet = attributeSet;
    QCOMPARE(request.label(), label);
}

void TestExportRequest::everyKindHasAName()
{
    QCOMPARE(ExportRequest::kinds().size(), 4);
    QStringList names;
    for (const Kind kind : ExportRequest::kinds())
        names.append(ExportRequest::kindName(kind));
    QCOMPARE(names,
             QStringList({QStringLiteral("Billed usage"), QStringLiteral("Unbilled usage"),
                          QStringLiteral("Billed reconciliation"),
                          QStringLiteral("Unbilled reconciliation")}));
}

QTEST_GUILESS_MAIN(TestExportRequest)
#include "tst_exportrequest.moc"
