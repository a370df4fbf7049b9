#include "models/graphjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <ctime>

class TestGraphJson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parseDateTime_data();
    void parseDateTime();
    void parseDateTimeIsUtcWhateverTheLocalZone();
    void formatDateTime_data();
    void formatDateTime();
    void formatThenParseRoundTrips();
    void formatGraphDateTimeKeepsTheDigitsSent_data();
    void formatGraphDateTimeKeepsTheDigitsSent();

    void successExample();
    void failedExample();
    void runningExample();

    void statusWithoutType_data();
    void statusWithoutType();
    void typeAndStatus_data();
    void typeAndStatus();
    void subtypeDataFollowsTheType();
    void statusFallbackPicksSubtypeData();
    void inlineManifest();
    void manifestLinkMustBeAbsoluteHttp_data();
    void manifestLinkMustBeAbsoluteHttp();
    void idIsNormalisedToLowerCase();
    void malformedBodies_data();
    void malformedBodies();
    void hostileValuesDoNotCrash_data();
    void hostileValuesDoNotCrash();
    void hugeStatusIsCut();

    void errorCodeAsNumber();
    void publicErrorInFull();
    void publicErrorRequestIdSpellings_data();
    void publicErrorRequestIdSpellings();
    void publicErrorHostileShapes();
    void publicErrorSummary_data();
    void publicErrorSummary();
    void publicErrorReportText();
    void publicErrorJsonRoundTrip();

    void parseErrorBody();
    void parseErrorBodyNotAnError_data();
    void parseErrorBodyNotAnError();

    void valueText_data();
    void valueText();
};

namespace {

const QString OperationId = QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc");
const QString RunningType = QStringLiteral("#microsoft.graph.partners.billing.runningOperation");
const QString SuccessType
    = QStringLiteral("#microsoft.graph.partners.billing.exportSuccessOperation");
const QString FailedType = QStringLiteral("#microsoft.graph.partners.billing.failedOperation");

// The three examples of Graph's "Get operation" documentation, verbatim.
const QByteArray SuccessExample = R"({
  "@odata.type": "#microsoft.graph.partners.billing.exportSuccessOperation",
  "id": "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
  "status": "succeeded",
  "createdDateTime": "2023-03-09T08:12:53",
  "lastActionDateTime": "2023-03-09T08:37:48.5046691Z",
  "resourceLocation@odata.navigationLink": "https://graph.microsoft.com/v1.0/reports/partners/billing/manifests/8fe347d7-1e0f-4bd6-9091-4672691f32db"
})";
const QByteArray FailedExample = R"({
  "@odata.type": "#microsoft.graph.partners.billing.failedOperation",
  "id": "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
  "status": "failed",
  "createdDateTime": "2023-03-09T08:12:53",
  "lastActionDateTime": "2023-03-09T08:37:48.5046691Z",
  "error": { "message": "No data available", "code": "5000" }
})";
const QByteArray RunningExample = R"({
  "@odata.type": "#microsoft.graph.partners.billing.runningOperation",
  "id": "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
  "status": "running",
  "createdDateTime": "2023-03-09T08:12:53",
  "lastActionDateTime": "2023-03-09T08:37:48.5046691Z"
})";

// Graph's documented throttling body, with the elided request-id filled in.
const QByteArray ThrottledBody
    = R"({"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51","message":"Please retry after","request-id":"94fb3b52-452a-4535-a601-69e0a90e3aa2","status":"429"},"message":"Please retry again later."}})";

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

QByteArray operationBody(const QJsonObject &members)
{
    QJsonObject object = members;
    if (!object.contains(QLatin1String("id")))
        object.insert(QLatin1String("id"), OperationId);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Operation parsed(const QByteArray &body)
{
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(body, &error);
    if (!operation)
        qWarning("parseOperation failed: %s", qPrintable(error));
    return operation.value_or(Operation());
}

} // namespace

void TestGraphJson::initTestCase()
{
    // Offset-less dates must come out as UTC, never as the machine's zone.
    qputenv("TZ", "America/New_York");
    tzset();
    QVERIFY(QDateTime(QDate(2023, 3, 9), QTime(8, 0)).offsetFromUtc() != 0);
}

void TestGraphJson::parseDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("no offset, no fraction (createdDateTime)")
        << QStringLiteral("2023-03-09T08:12:53") << utc(2023, 3, 9, 8, 12, 53);
    QTest::newRow("7 digits and Z (lastActionDateTime)")
        << QStringLiteral("2023-03-09T08:37:48.5046691Z") << utc(2023, 3, 9, 8, 37, 48, 504);
    QTest::newRow("2 digits (manifest)")
        << QStringLiteral("2023-03-09T06:34:34.87Z") << utc(2023, 3, 9, 6, 34, 34, 870);
    QTest::newRow("1 digit") << QStringLiteral("2023-03-09T06:34:34.5")
                             << utc(2023, 3, 9, 6, 34, 34, 500);
    QTest::newRow("3 digits") << QStringLiteral("2023-03-09T06:34:34.123Z")
                              << utc(2023, 3, 9, 6, 34, 34, 123);
    QTest::newRow("7 digits truncate, not round")
        << QStringLiteral("2023-03-09T06:34:34.9999999Z") << utc(2023, 3, 9, 6, 34, 34, 999);
    QTest::newRow("no offset with fraction")
        << QStringLiteral("2023-03-09T08:37:48.5046691") << utc(2023, 3, 9, 8, 37, 48, 504);
    QTest::newRow("Z") << QStringLiteral("2023-12-13T12:37:17Z") << utc(2023, 12, 13, 12, 37, 17);
    QTest::newRow("+00:00") << QStringLiteral("2023-12-13T12:37:17+00:00")
                            << utc(2023, 12, 13, 12, 37, 17);
    QTest::newRow("+02:00") << QStringLiteral("2023-03-09T10:12:53+02:00")
                            << utc(2023, 3, 9, 8, 12, 53);
    QTest::newRow("-05:30 crosses midnight")
        << QStringLiteral("2023-03-09T20:00:00.25-05:30") << utc(2023, 3, 10, 1, 30, 0, 250);
    QTest::newRow("+0100 without colon")
        << QStringLiteral("2023-03-09T09:12:53+0100") << utc(2023, 3, 9, 8, 12, 53);
    QTest::newRow("minutes only") << QStringLiteral("2023-12-13T12:37Z")
                                  << utc(2023, 12, 13, 12, 37, 0);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00Z")
                              << utc(2024, 2, 29, 0, 0, 0);
    QTest::newRow("last second of year 9999")
        << QStringLiteral("9999-12-31T23:59:59Z") << utc(9999, 12, 31, 23, 59, 59);
    QTest::newRow("first second of year 1 by offset")
        << QStringLiteral("0001-01-01T01:00:00+01:00") << utc(1, 1, 1, 0, 0, 0);

    const QDateTime invalid;
    QTest::newRow("empty") << QString() << invalid;
    QTest::newRow("date only") << QStringLiteral("2023-03-09") << invalid;
    QTest::newRow("8 fractional digits")
        << QStringLiteral("2023-03-09T08:37:48.50466912Z") << invalid;
    QTest::newRow("dot without digits") << QStringLiteral("2023-03-09T08:37:48.Z") << invalid;
    QTest::newRow("space separator") << QStringLiteral("2023-03-09 08:12:53") << invalid;
    QTest::newRow("lower-case z") << QStringLiteral("2023-03-09T08:12:53z") << invalid;
    QTest::newRow("trailing garbage") << QStringLiteral("2023-03-09T08:12:53Zjunk") << invalid;
    QTest::newRow("trailing space") << QStringLiteral("2023-03-09T08:12:53Z ") << invalid;
    QTest::newRow("offset too large") << QStringLiteral("2023-03-09T08:12:53+24:00") << invalid;
    QTest::newRow("offset minutes too large")
        << QStringLiteral("2023-03-09T08:12:53+01:60") << invalid;
    QTest::newRow("half an offset") << QStringLiteral("2023-03-09T08:12:53+01") << invalid;
    QTest::newRow("month 13") << QStringLiteral("2023-13-09T08:12:53Z") << invalid;
    QTest::newRow("february 30") << QStringLiteral("2023-02-30T08:12:53Z") << invalid;
    QTest::newRow("hour 24") << QStringLiteral("2023-03-09T24:00:00Z") << invalid;
    QTest::newRow("leap second") << QStringLiteral("2016-12-31T23:59:60Z") << invalid;
    QTest::newRow("two-digit year") << QStringLiteral("23-03-09T08:12:53Z") << invalid;
    QTest::newRow("rfc 2822") << QStringLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << invalid;
    QTest::newRow("arabic-indic digits")
        << QString(4, QChar(0x0662)) + QStringLiteral("-03-09T08:12:53Z") << invalid;
    // ISO 8601 text has four year digits, so such a time could never be written back.
    QTest::newRow("past year 9999 once the offset is applied")
        << QStringLiteral("9999-12-31T23:59:59-01:00") << invalid;
    QTest::newRow("before year 1 once the offset is applied")
        << QStringLiteral("0001-01-01T00:30:00+01:00") << invalid;
    QTest::newRow("sign in year") << QStringLiteral("+023-03-09T08:12:53Z") << invalid;
}

void TestGraphJson::parseDateTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime actual = GraphJson::parseDateTime(text);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(actual, expected);
        QCOMPARE(actual.timeSpec(), Qt::UTC);
        QCOMPARE(actual.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    }
}

void TestGraphJson::parseDateTimeIsUtcWhateverTheLocalZone()
{
    const QDateTime created = GraphJson::parseDateTime(QStringLiteral("2023-03-09T08:12:53"));
    QCOMPARE(created.timeSpec(), Qt::UTC);
    QCOMPARE(created.time(), QTime(8, 12, 53));
    // 2023-03-09T08:12:53Z is 1678349573 s after the epoch.
    QCOMPARE(created.toSecsSinceEpoch(), Q_INT64_C(1678349573));
}

void TestGraphJson::formatDateTime_data()
{
    QTest::addColumn<QDateTime>("dateTime");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utc") << utc(2023, 3, 9, 8, 12, 53)
                         << QStringLiteral("2023-03-09T08:12:53.000Z");
    QTest::newRow("utc with ms") << utc(2023, 3, 9, 8, 37, 48, 504)
                                 << QStringLiteral("2023-03-09T08:37:48.504Z");
    QTest::newRow("offset is converted")
        << QDateTime(QDate(2023, 3, 9), QTime(10, 12, 53), Qt::OffsetFromUTC, 7200)
        << QStringLiteral("2023-03-09T08:12:53.000Z");
    QTest::newRow("local time is converted")
        << utc(2023, 7, 1, 12, 0, 0).toLocalTime() << QStringLiteral("2023-07-01T12:00:00.000Z");
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestGraphJson::formatDateTime()
{
    QFETCH(QDateTime, dateTime);
    QFETCH(QString, expected);
    QCOMPARE(GraphJson::formatDateTime(dateTime), expected);
}

void TestGraphJson::formatGraphDateTimeKeepsTheDigitsSent_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("expected");

    QTest::newRow("seven digits") << QStringLiteral("2024-05-01T10:20:30.1234567Z")
                                  << QStringLiteral("2024-05-01T10:20:30.1234567Z");
    QTest::newRow("no offset is UTC")
        << QStringLiteral("2023-03-09T08:12:53") << QStringLiteral("2023-03-09T08:12:53Z");
    QTest::newRow("no fraction is none")
        << QStringLiteral("2023-03-09T08:12:53Z") << QStringLiteral("2023-03-09T08:12:53Z");
    QTest::newRow("one digit") << QStringLiteral("2023-03-09T08:12:53.5Z")
                               << QStringLiteral("2023-03-09T08:12:53.5Z");
    QTest::newRow("trailing zeros stay") << QStringLiteral("2023-03-09T08:12:53.1200000Z")
                                         << QStringLiteral("2023-03-09T08:12:53.1200000Z");
    QTest::newRow("offset moves to UTC") << QStringLiteral("2023-03-09T23:12:53.9876543+02:00")
                                         << QStringLiteral("2023-03-09T21:12:53.9876543Z");
    QTest::newRow("across midnight") << QStringLiteral("2023-03-10T01:00:00.0000001+02:00")
                                     << QStringLiteral("2023-03-09T23:00:00.0000001Z");
    QTest::newRow("unreadable") << QStringLiteral("yesterday") << QString();
    QTest::newRow("too many digits")
        << QStringLiteral("2023-03-09T08:12:53.12345678Z") << QString();
}

void TestGraphJson::formatGraphDateTimeKeepsTheDigitsSent()
{
    QFETCH(QString, sent);
    QFETCH(QString, expected);
    QCOMPARE(GraphJson::formatGraphDateTime(sent), expected);
}

void TestGraphJson::formatThenParseRoundTrips()
{
    const QDateTime original = utc(2031, 12, 31, 23, 59, 59, 999);
    QCOMPARE(GraphJson::parseDateTime(GraphJson::formatDateTime(original)), original);
}

void TestGraphJson::successExample()
{
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(SuccessExample, &error);
    QVERIFY2(operation, qPrintable(error));
    QCOMPARE(operation->id, OperationId);
    QCOMPARE(operation->odataType, SuccessType);
    QCOMPARE(operation->status, OperationStatus::Succeeded);
    QCOMPARE(operation->rawStatus, QStringLiteral("succeeded"));
    QCOMPARE(operation->createdDateTime, utc(2023, 3, 9, 8, 12, 53));
    QCOMPARE(operation->createdDateTime.timeSpec(), Qt::UTC);
    QCOMPARE(operation->lastActionDateTime, utc(2023, 3, 9, 8, 37, 48, 504));
    QCOMPARE(operation->manifestLink,
             QUrl(QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/"
                                 "manifests/8fe347d7-1e0f-4bd6-9091-4672691f32db")));
    QVERIFY(operation->inlineManifest.isEmpty());
    QVERIFY(operation->error.isEmpty());
}

void TestGraphJson::failedExample()
{
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(FailedExample, &error);
    QVERIFY2(operation, qPrintable(error));
    QCOMPARE(operation->id, OperationId);
    QCOMPARE(operation->odataType, FailedType);
    QCOMPARE(operation->status, OperationStatus::Failed);
    QCOMPARE(operation->rawStatus, QStringLiteral("failed"));
    QCOMPARE(operation->createdDateTime, utc(2023, 3, 9, 8, 12, 53));
    QCOMPARE(operation->lastActionDateTime, utc(2023, 3, 9, 8, 37, 48, 504));
    QCOMPARE(operation->error.code, QStringLiteral("5000"));
    QCOMPARE(operation->error.message, QStringLiteral("No data available"));
    QCOMPARE(operation->error.summary(), QStringLiteral("5000: No data available"));
    QVERIFY(operation->manifestLink.isEmpty());
}

void TestGraphJson::runningExample()
{
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(RunningExample, &error);
    QVERIFY2(operation, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(operation->id, OperationId);
    QCOMPARE(operation->odataType, RunningType);
    QCOMPARE(operation->status, OperationStatus::Running);
    QCOMPARE(operation->rawStatus, QStringLiteral("running"));
    QCOMPARE(operation->createdDateTime, utc(2023, 3, 9, 8, 12, 53));
    QCOMPARE(operation->lastActionDateTime, utc(2023, 3, 9, 8, 37, 48, 504));
    QVERIFY(operation->manifestLink.isEmpty());
    QVERIFY(operation->error.isEmpty());
}

void TestGraphJson::statusWithoutType_data()
{
    QTest::addColumn<QString>("rawStatus");
    QTest::addColumn<OperationStatus>("status");

    QTest::newRow("notStarted") << QStringLiteral("notStarted") << OperationStatus::NotStarted;
    QTest::newRow("running") << QStringLiteral("running") << OperationStatus::Running;
    QTest::newRow("succeeded") << QStringLiteral("succeeded") << OperationStatus::Succeeded;
    QTest::newRow("completed counts as succeeded")
        << QStringLiteral("completed") << OperationStatus::Succeeded;
    QTest::newRow("failed") << QStringLiteral("failed") << OperationStatus::Failed;
    QTest::newRow("unknownFutureValue")
        << QStringLiteral("unknownFutureValue") << OperationStatus::Unknown;
    QTest::newRow("skipped is not ours") << QStringLiteral("skipped") << OperationStatus::Unknown;
    QTest::newRow("other case") << QStringLiteral("Succeeded") << OperationStatus::Succeeded;
    QTest::newRow("a new value") << QStringLiteral("queued") << OperationStatus::Unknown;
}

void TestGraphJson::statusWithoutType()
{
    QFETCH(QString, rawStatus);
    QFETCH(OperationStatus, status);
    const Operation operation = parsed(operationBody({{QLatin1String("status"), rawStatus}}));
    QCOMPARE(operation.id, OperationId);
    QCOMPARE(operation.status, status);
    QCOMPARE(operation.rawStatus, rawStatus);
    QVERIFY(operation.odataType.isEmpty());
}

void TestGraphJson::typeAndStatus_data()
{
    QTest::addColumn<QString>("odataType");
    QTest::addColumn<QJsonValue>("statusValue");
    QTest::addColumn<OperationStatus>("status");
    QTest::addColumn<QString>("rawStatus");

    const QJsonValue absent(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);

    // The type alone is enough; rawStatus is then derived from it.
    QTest::newRow("running type, no status")
        << RunningType << absent << OperationStatus::Running << QStringLiteral("running");
    QTest::newRow("success type, no status")
        << SuccessType << absent << OperationStatus::Succeeded << QStringLiteral("succeeded");
    QTest::newRow("failed type, no status")
        << FailedType << absent << OperationStatus::Failed << QStringLiteral("failed");
    QTest::newRow("failed type, null status")
        << FailedType << null << OperationStatus::Failed << QStringLiteral("failed");

    // A status that fits the type is kept.
    QTest::newRow("running type, notStarted")
        << RunningType << QJsonValue(QStringLiteral("notStarted")) << OperationStatus::NotStarted
        << QStringLiteral("notStarted");
    QTest::newRow("success type, completed")
        << SuccessType << QJsonValue(QStringLiteral("completed")) << OperationStatus::Succeeded
        << QStringLiteral("completed");

    // Disagreement: the type wins, the server's text is still reported.
    QTest::newRow("running type says failed")
        << RunningType << QJsonValue(QStringLiteral("failed")) << OperationStatus::Running
        << QStringLiteral("failed");
    QTest::newRow("success type says running")
        << SuccessType << QJsonValue(QStringLiteral("running")) << OperationStatus::Succeeded
        << QStringLiteral("running");
    QTest::newRow("failed type says succeeded")
        << FailedType << QJsonValue(QStringLiteral("succeeded")) << OperationStatus::Failed
        << QStringLiteral("succeeded");
    QTest::newRow("failed type, unknown status")
        << FailedType << QJsonValue(QStringLiteral("unknownFutureValue")) << OperationStatus::Failed
        << QStringLiteral("unknownFutureValue");
    QTest::newRow("running type, numeric status")
        << RunningType << QJsonValue(1) << OperationStatus::Running << QStringLiteral("1");

    // An unknown or non-string type falls back to the status.
    QTest::newRow("base operation type")
        << QStringLiteral("#microsoft.graph.partners.billing.operation")
        << QJsonValue(QStringLiteral("failed")) << OperationStatus::Failed
        << QStringLiteral("failed");
    QTest::newRow("future type, unknown status")
        << QStringLiteral("#microsoft.graph.partners.billing.pausedOperation")
        << QJsonValue(QStringLiteral("paused")) << OperationStatus::Unknown
        << QStringLiteral("paused");
    QTest::newRow("type in other case is not a known type")
        << SuccessType.toLower() << QJsonValue(QStringLiteral("running"))
        << OperationStatus::Running << QStringLiteral("running");
}

void TestGraphJson::typeAndStatus()
{
    QFETCH(QString, odataType);
    QFETCH(QJsonValue, statusValue);
    QFETCH(OperationStatus, status);
    QFETCH(QString, rawStatus);

    QJsonObject members {{QLatin1String("@odata.type"), odataType}};
    if (!statusValue.isUndefined())
        members.insert(QLatin1String("status"), statusValue);
    QString error;
    const std::optional<Operation> operation
        = GraphJson::parseOperation(operationBody(members), &error);
    QVERIFY2(operation, qPrintable(error));
    QCOMPARE(operation->status, status);
    QCOMPARE(operation->rawStatus, rawStatus);
    QCOMPARE(operation->odataType, odataType);
}

void TestGraphJson::subtypeDataFollowsTheType()
{
    const QString link
        = QStringLiteral("https://graph.microsoft.com/v1.0/reports/partners/billing/manifests/x");
    const QJsonObject errorObject {{QLatin1String("code"), QStringLiteral("5000")}};

    // A running operation that claims success carries no manifest.
    Operation operation = parsed(operationBody({
        {QLatin1String("@odata.type"), RunningType},
        {QLatin1String("status"), QStringLiteral("succeeded")},
        {QLatin1String("resourceLocation@odata.navigationLink"), link},
        {QLatin1String("error"), errorObject},
    }));
    QCOMPARE(operation.status, OperationStatus::Running);
    QVERIFY(operation.manifestLink.isEmpty());
    QVERIFY(operation.error.isEmpty());

    // A success typed operation keeps its link whatever the status says.
    operation = parsed(operationBody({
        {QLatin1String("@odata.type"), SuccessType},
        {QLatin1String("status"), QStringLiteral("failed")},
        {QLatin1String("resourceLocation@odata.navigationLink"), link},
        {QLatin1String("error"), errorObject},
    }));
    QCOMPARE(operation.status, OperationStatus::Succeeded);
    QCOMPARE(operation.rawStatus, QStringLiteral("failed"));
    QCOMPARE(operation.manifestLink, QUrl(link));
    QVERIFY(operation.error.isEmpty());

    // A failed typed operation keeps its error and never a manifest.
    operation = parsed(operationBody({
        {QLatin1String("@odata.type"), FailedType},
        {QLatin1String("resourceLocation@odata.navigationLink"), link},
        {QLatin1String("error"), errorObject},
    }));
    QCOMPARE(operation.status, OperationStatus::Failed);
    QCOMPARE(operation.rawStatus, QStringLiteral("failed"));
    QCOMPARE(operation.error.code, QStringLiteral("5000"));
    QVERIFY(operation.manifestLink.isEmpty());
}

void TestGraphJson::statusFallbackPicksSubtypeData()
{
    // Microsoft's own sample ignores @odata.type; a body without it still works.
    const QString link
        = QStringLiteral("https://graph.microsoft.com/beta/reports/partners/billing/manifests/y");
    Operation operation = parsed(operationBody({
        {QLatin1String("status"), QStringLiteral("succeeded")},
        {QLatin1String("resourceLocation@odata.navigationLink"), link},
    }));
    QCOMPARE(operation.status, OperationStatus::Succeeded);
    QCOMPARE(operation.manifestLink, QUrl(link));

    operation = parsed(operationBody({
        {QLatin1String("status"), QStringLiteral("failed")},
        {QLatin1String("error"),
         QJsonObject {{QLatin1String("message"), QStringLiteral("No data available")}}},
    }));
    QCOMPARE(operation.status, OperationStatus::Failed);
    QCOMPARE(operation.error.message, QStringLiteral("No data available"));

    operation = parsed(operationBody({
        {QLatin1String("status"), QStringLiteral("running")},
        {QLatin1String("resourceLocation@odata.navigationLink"), link},
    }));
    QCOMPARE(operation.status, OperationStatus::Running);
    QVERIFY(operation.manifestLink.isEmpty());
}

void TestGraphJson::inlineManifest()
{
    const QJsonObject manifest {
        {QLatin1String("id"), QStringLiteral("8fe347d7-1e0f-4bd6-9091-4672691f32db")},
        {QLatin1String("rootDirectory"), QStringLiteral("https://example.blob.core.windows.net/r")},
        {QLatin1String("blobs"), QJsonArray()},
    };
    const Operation operation = parsed(operationBody({
        {QLatin1String("@odata.type"), SuccessType},
        {QLatin1String("status"), QStringLiteral("succeeded")},
        {QLatin1String("resourceLocation"), manifest},
    }));
    QCOMPARE(operation.status, OperationStatus::Succeeded);
    QCOMPARE(operation.inlineManifest, manifest);
    QVERIFY(operation.manifestLink.isEmpty());

    // Not an object: ignored.
    const Operation oddInline = parsed(operationBody({
        {QLatin1String("@odata.type"), SuccessType},
        {QLatin1String("resourceLocation"), QStringLiteral("somewhere")},
    }));
    QCOMPARE(oddInline.status, OperationStatus::Succeeded);
    QVERIFY(oddInline.inlineManifest.isEmpty());
}

void TestGraphJson::manifestLinkMustBeAbsoluteHttp_data()
{
    QTest::addColumn<QJsonValue>("link");
    QTest::addColumn<bool>("kept");

    QTest::newRow("https") << QJsonValue(QStringLiteral("https://graph.microsoft.com/v1.0/m/1"))
                           << true;
    QTest::newRow("http loopback")
        << QJsonValue(QStringLiteral("http://127.0.0.1:8080/m/1")) << true;
    QTest::newRow("relative") << QJsonValue(QStringLiteral("/v1.0/reports/manifests/1")) << false;
    QTest::newRow("no host") << QJsonValue(QStringLiteral("https:///m/1")) << false;
    QTest::newRow("file") << QJsonValue(QStringLiteral("file:///etc/passwd")) << false;
    QTest::newRow("javascript") << QJsonValue(QStringLiteral("javascript:alert(1)")) << false;
    QTest::newRow("ftp") << QJsonValue(QStringLiteral("ftp://example.com/m")) << false;
    QTest::newRow("spaces") << QJsonValue(QStringLiteral("https://exa mple.com/m")) << false;
    QTest::newRow("empty") << QJsonValue(QString()) << false;
    QTest::newRow("number") << QJsonValue(42) << false;
    QTest::newRow("object") << QJsonValue(QJsonObject {{QLatin1String("a"), 1}}) << false;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
}

void TestGraphJson::manifestLinkMustBeAbsoluteHttp()
{
    QFETCH(QJsonValue, link);
    QFETCH(bool, kept);
    const Operation operation = parsed(operationBody({
        {QLatin1String("@odata.type"), SuccessType},
        {QLatin1String("resourceLocation@odata.navigationLink"), link},
    }));
    QCOMPARE(operation.status, OperationStatus::Succeeded);
    QCOMPARE(operation.manifestLink.isEmpty(), !kept);
    if (kept)
        QCOMPARE(operation.manifestLink.toString(), link.toString());
}

void TestGraphJson::idIsNormalisedToLowerCase()
{
    const Operation operation = parsed(operationBody({
        {QLatin1String("id"), OperationId.toUpper()},
        {QLatin1String("status"), QStringLiteral("running")},
    }));
    QCOMPARE(operation.id, OperationId);
}

void TestGraphJson::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("The reply is empty");
    QTest::newRow("whitespace") << QByteArray(" \r\n") << QStringLiteral("The reply is empty");
    QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>")
                          << QStringLiteral("The reply is not JSON: illegal value at offset 1");
    QTest::newRow("truncated") << SuccessExample.left(60)
                               << QStringLiteral("The reply is not JSON: unterminated string at "
                                                 "offset 61");
    QTest::newRow("garbage after")
        << RunningExample + QByteArray("}")
        << QStringLiteral("The reply is not JSON: garbage at the end of the document at "
                          "offset %1")
               .arg(RunningExample.size());
    QTest::newRow("string") << QByteArray("\"running\"")
                            << QStringLiteral("The reply is not JSON: illegal value at offset 1");
    QTest::newRow("array") << QByteArray("[") + RunningExample + QByteArray("]")
                           << QStringLiteral("The reply is a JSON array, not an object");
    QTest::newRow("deep nesting")
        << QByteArray(2000, '[') + QByteArray(2000, ']')
        << QStringLiteral("The reply is not JSON: too deeply nested document at offset 1025");
    QTest::newRow("deep nesting inside an operation")
        << QByteArray("{\"id\":\"6fe687d7-1e0f-4bd6-9091-4672691f64bc\",\"x\":")
            + QByteArray(5000, '[') + QByteArray(5000, ']') + QByteArray("}")
        << QStringLiteral("The reply is not JSON: too deeply nested document at offset "
                          "1073");
    QTest::newRow("no id") << QByteArray(R"({"status":"running"})")
                           << QStringLiteral("The reply has no operation id");
    QTest::newRow("null id") << QByteArray(R"({"id":null,"status":"running"})")
                             << QStringLiteral("The reply has no operation id");
    QTest::newRow("empty id") << QByteArray(R"({"id":"","status":"running"})")
                              << QStringLiteral("The reply has no operation id");
    QTest::newRow("numeric id") << QByteArray(R"({"id":12345,"status":"running"})")
                                << QStringLiteral("The reply's operation id is not a string: "
                                                  "12345");
    QTest::newRow("object id") << QByteArray(R"({"id":{"a":1},"status":"running"})")
                               << QStringLiteral("The reply's operation id is not a string: "
                                                 "{\"a\":1}");
    QTest::newRow("id not a guid") << QByteArray(R"({"id":"../../me","status":"running"})")
                                   << QStringLiteral("The reply's operation id is not a GUID: "
                                                     "\"../../me\"");
    QTest::newRow("huge id is quoted short")
        << QByteArray("{\"id\":\"") + QByteArray(100000, 'x') + QByteArray("\"}")
        << QStringLiteral("The reply's operation id is not a GUID: \"%1\"")
               .arg(QString(64, QLatin1Char('x')) + QChar(0x2026));
    QTest::newRow("neither status nor type")
        << QByteArray(R"({"id":"6fe687d7-1e0f-4bd6-9091-4672691f64bc"})")
        << QStringLiteral("The reply has neither a status nor a known @odata.type");
    QTest::newRow("null status, unknown type")
        << QByteArray(R"({"id":"6fe687d7-1e0f-4bd6-9091-4672691f64bc","status":null,)"
                      R"("@odata.type":"#x"})")
        << QStringLiteral("The reply has neither a status nor a known @odata.type");
}

void TestGraphJson::malformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    QString error;
    QVERIFY(!GraphJson::parseOperation(body, &error));
    QCOMPARE(error, expectedError);
}

void TestGraphJson::hostileValuesDoNotCrash_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OperationStatus>("status");
    QTest::addColumn<QString>("rawStatus");

    const QByteArray id = R"("id":"6fe687d7-1e0f-4bd6-9091-4672691f64bc")";
    const auto body = [&id](const char *members) -> QByteArray {
        return QByteArray("{") + id + QByteArray(",") + QByteArray(members) + QByteArray("}");
    };

    QTest::newRow("status as number")
        << body(R"("status":2)") << OperationStatus::Unknown << QStringLiteral("2");
    QTest::newRow("status as bool")
        << body(R"("status":true)") << OperationStatus::Unknown << QStringLiteral("true");
    QTest::newRow("status as object")
        << body(R"("status":{"value":"running"})") << OperationStatus::Unknown
        << QStringLiteral("{\"value\":\"running\"}");
    QTest::newRow("status as array") << body(R"("status":["failed"])") << OperationStatus::Unknown
                                     << QStringLiteral("[\"failed\"]");
    QTest::newRow("type as number") << body(R"("@odata.type":7,"status":"running")")
                                    << OperationStatus::Running << QStringLiteral("running");
    QTest::newRow("error as string")
        << body(R"("@odata.type":"#microsoft.graph.partners.billing.failedOperation",)"
                R"("error":"boom")")
        << OperationStatus::Failed << QStringLiteral("failed");
    QTest::newRow("error as number") << body(R"("status":"failed","error":5000)")
                                     << OperationStatus::Failed << QStringLiteral("failed");
    QTest::newRow("error as array") << body(R"("status":"failed","error":[1,2])")
                                    << OperationStatus::Failed << QStringLiteral("failed");
    QTest::newRow("dates as numbers")
        << body(R"("status":"running","createdDateTime":1678349573,"lastActionDateTime":{})")
        << OperationStatus::Running << QStringLiteral("running");
    QTest::newRow("dates unreadable")
        << body(R"("status":"running","createdDateTime":"yesterday","lastActionDateTime":"")")
        << OperationStatus::Running << QStringLiteral("running");
    QTest::newRow("details as object")
        << body(R"("status":"failed","error":{"code":1,"details":{"code":"x"},)"
                R"("innerError":"text"})")
        << OperationStatus::Failed << QStringLiteral("failed");
    QTest::newRow("lone surrogate")
        << body(R"("status":"\ud800")") << OperationStatus::Unknown << QString(QChar(0xD800));
    QTest::newRow("duplicate status: last wins")
        << body(R"("status":"running","status":"failed")") << OperationStatus::Failed
        << QStringLiteral("failed");
    QTest::newRow("unknown members ignored")
        << body(R"("status":"running","percentComplete":50,"extra":{"deep":[1,{"a":null}]})")
        << OperationStatus::Running << QStringLiteral("running");
}

void TestGraphJson::hostileValuesDoNotCrash()
{
    QFETCH(QByteArray, body);
    QFETCH(OperationStatus, status);
    QFETCH(QString, rawStatus);
    QString error;
    const std::optional<Operation> operation = GraphJson::parseOperation(body, &error);
    QVERIFY2(operation, qPrintable(error));
    QCOMPARE(operation->id, OperationId);
    QCOMPARE(operation->status, status);
    QCOMPARE(operation->rawStatus, rawStatus);
    QVERIFY(!operation->createdDateTime.isValid()
            || operation->createdDateTime.timeSpec() == Qt::UTC);
}

void TestGraphJson::hugeStatusIsCut()
{
    const QString status(100000, QLatin1Char('s'));
    const Operation operation = parsed(operationBody({{QLatin1String("status"), status}}));
    QCOMPARE(operation.status, OperationStatus::Unknown);
    QCOMPARE(operation.rawStatus.size(), 257);
    QVERIFY(operation.rawStatus.startsWith(status.left(256)));
    QVERIFY(operation.rawStatus.endsWith(QChar(0x2026)));
}

void TestGraphJson::errorCodeAsNumber()
{
    const Operation operation = parsed(operationBody({
        {QLatin1String("@odata.type"), FailedType},
        {QLatin1String("status"), QStringLiteral("failed")},
        {QLatin1String("error"),
         QJsonObject {{QLatin1String("code"), 5000},
                      {QLatin1String("message"), QStringLiteral("No data available")}}},
    }));
    QCOMPARE(operation.error.code, QStringLiteral("5000"));
    QCOMPARE(operation.error.summary(), QStringLiteral("5000: No data available"));
}

void TestGraphJson::publicErrorInFull()
{
    const QByteArray json = R"({
        "code": "badRequest",
        "message": "The export could not be prepared.",
        "target": "invoiceId",
        "details": [
            {"code": "invalidInvoice", "message": "Invoice G0 does not exist.", "target": "invoiceId"},
            {"code": "retry", "message": "Try a newer invoice."}
        ],
        "innerError": {
            "code": "InvoiceNotFound",
            "request-id": "94fb3b52-452a-4535-a601-69e0a90e3aa2",
            "client-request-id": "0a1b2c3d-0000-4000-8000-000000000001",
            "date": "2020-08-18T12:51:51",
            "innerError": {"code": "deeper", "status": 404}
        }
    })";
    const PublicError error = PublicError::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(error.code, QStringLiteral("badRequest"));
    QCOMPARE(error.message, QStringLiteral("The export could not be prepared."));
    QCOMPARE(error.target, QStringLiteral("invoiceId"));
    QCOMPARE(error.details.size(), 2);
    QCOMPARE(error.details.at(0).code, QStringLiteral("invalidInvoice"));
    QCOMPARE(error.details.at(0).message, QStringLiteral("Invoice G0 does not exist."));
    QCOMPARE(error.details.at(0).target, QStringLiteral("invoiceId"));
    QCOMPARE(error.details.at(1).code, QStringLiteral("retry"));
    QVERIFY(error.details.at(1).target.isEmpty());
    QCOMPARE(error.requestId, QStringLiteral("94fb3b52-452a-4535-a601-69e0a90e3aa2"));
    QCOMPARE(error.date, QStringLiteral("2020-08-18T12:51:51"));
    // Kept whole, nesting and unknown members included.
    QCOMPARE(error.innerError.value(QLatin1String("client-request-id")).toString(),
             QStringLiteral("0a1b2c3d-0000-4000-8000-000000000001"));
    QCOMPARE(error.innerError.value(QLatin1String("innerError"))
                 .toObject()
                 .value(QLatin1String("status"))
                 .toInt(),
             404);
    QVERIFY(!error.isEmpty());
}

void TestGraphJson::publicErrorRequestIdSpellings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("date");

    QTest::newRow("request-id") << QByteArray(R"({"innerError":{"request-id":"a","date":"d"}})")
                                << QStringLiteral("a") << QStringLiteral("d");
    QTest::newRow("requestId") << QByteArray(R"({"innerError":{"requestId":"b"}})")
                               << QStringLiteral("b") << QString();
    QTest::newRow("both: request-id wins")
        << QByteArray(R"({"innerError":{"requestId":"b","request-id":"a"}})") << QStringLiteral("a")
        << QString();
    QTest::newRow("odata innererror spelling")
        << QByteArray(R"({"innererror":{"request-id":"c","date":"e"}})") << QStringLiteral("c")
        << QStringLiteral("e");
    QTest::newRow("none") << QByteArray(R"({"code":"x"})") << QString() << QString();
    QTest::newRow("numeric request id")
        << QByteArray(R"({"innerError":{"request-id":17}})") << QStringLiteral("17") << QString();
}

void TestGraphJson::publicErrorRequestIdSpellings()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, requestId);
    QFETCH(QString, date);
    const PublicError error = PublicError::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(error.requestId, requestId);
    QCOMPARE(error.date, date);
}

void TestGraphJson::publicErrorHostileShapes()
{
    const QByteArray json = R"({
        "code": 12.5, "message": ["a", "b"], "target": null,
        "details": [ "plain text", 7, null, {"code": false, "message": {"m": 1}} ],
        "innerError": "not an object"
    })";
    const PublicError error = PublicError::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(error.code, QStringLiteral("12.5"));
    QCOMPARE(error.message, QStringLiteral("[\"a\",\"b\"]"));
    QVERIFY(error.target.isEmpty());
    QCOMPARE(error.details.size(), 3);
    QCOMPARE(error.details.at(0).message, QStringLiteral("plain text"));
    QCOMPARE(error.details.at(1).message, QStringLiteral("7"));
    QCOMPARE(error.details.at(2).code, QStringLiteral("false"));
    QCOMPARE(error.details.at(2).message, QStringLiteral("{\"m\":1}"));
    QVERIFY(error.innerError.isEmpty());
    QVERIFY(error.requestId.isEmpty());

    const PublicError notAList = PublicError::fromJson(
        QJsonDocument::fromJson(R"({"code":"x","details":{"code":"y"}})").object());
    QCOMPARE(notAList.code, QStringLiteral("x"));
    QVERIFY(notAList.details.isEmpty());

    const PublicError empty = PublicError::fromJson(QJsonObject());
    QVERIFY(empty.isEmpty());
    QVERIFY(empty.summary().isEmpty());
    QVERIFY(empty.toReportText().isEmpty());
}

void TestGraphJson::publicErrorSummary_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("summary");

    QTest::newRow("both") << QStringLiteral("5000") << QStringLiteral("No data available")
                          << QStringLiteral("5000: No data available");
    QTest::newRow("code only") << QStringLiteral("5000") << QString() << QStringLiteral("5000");
    QTest::newRow("message only") << QString() << QStringLiteral("No data available")
                                  << QStringLiteral("No data available");
    QTest::newRow("neither") << QString() << QString() << QString();
}

void TestGraphJson::publicErrorSummary()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, summary);
    PublicError error;
    error.code = code;
    error.message = message;
    QCOMPARE(error.summary(), summary);
    QCOMPARE(error.isEmpty(), summary.isEmpty());
}

void TestGraphJson::publicErrorReportText()
{
    const PublicError error = GraphJson::parseErrorBody(ThrottledBody);
    const QString report = error.toReportText();
    const QStringList lines = report.split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0), QStringLiteral("Code: TooManyRequests"));
    QCOMPARE(lines.at(1), QStringLiteral("Message: Please retry again later."));
    QCOMPARE(lines.at(2), QStringLiteral("Request ID: 94fb3b52-452a-4535-a601-69e0a90e3aa2"));
    QCOMPARE(lines.at(3), QStringLiteral("Date: 2020-08-18T12:51:51"));
    QCOMPARE(lines.at(4), QStringLiteral("Inner error:"));
    // The inner error follows pretty-printed and reads back as the same object.
    const QByteArray innerText = lines.mid(5).join(QLatin1Char('\n')).toUtf8();
    QCOMPARE(QJsonDocument::fromJson(innerText).object(), error.innerError);
    QVERIFY(report.contains(QLatin1String("\n    \"status\": \"429\"")));
    QVERIFY(!report.endsWith(QLatin1Char('\n')));

    PublicError withDetails;
    withDetails.code = QStringLiteral("badRequest");
    withDetails.target = QStringLiteral("invoiceId");
    withDetails.details = {{QStringLiteral("a"), QStringLiteral("first"), QStringLiteral("t1")},
                           {QString(), QStringLiteral("second"), QString()}};
    QCOMPARE(withDetails.toReportText(),
             QStringLiteral("Code: badRequest\nTarget: invoiceId\n"
                            "Detail 1: a: first (target: t1)\nDetail 2: second"));
}

void TestGraphJson::publicErrorJsonRoundTrip()
{
    const PublicError original = GraphJson::parseErrorBody(ThrottledBody);
    const PublicError copy = PublicError::fromJson(original.toJson());
    QCOMPARE(copy.code, original.code);
    QCOMPARE(copy.message, original.message);
    QCOMPARE(copy.innerError, original.innerError);
    QCOMPARE(copy.requestId, original.requestId);
    QCOMPARE(copy.date, original.date);

    PublicError built;
    built.code = QStringLiteral("5000");
    built.message = QStringLiteral("No data available");
    built.target = QStringLiteral("t");
    built.details = {{QStringLiteral("c"), QStringLiteral("m"), QStringLiteral("x")}};
    built.requestId = QStringLiteral("r-1");
    built.date = QStringLiteral("2024-01-01T00:00:00");
    const QJsonObject json = built.toJson();
    QCOMPARE(json.value(QLatin1String("innerError")).toObject().value(QLatin1String("request-id")),
             QJsonValue(QStringLiteral("r-1")));
    const PublicError rebuilt = PublicError::fromJson(json);
    QCOMPARE(rebuilt.code, built.code);
    QCOMPARE(rebuilt.message, built.message);
    QCOMPARE(rebuilt.target, built.target);
    QCOMPARE(rebuilt.details.size(), 1);
    QCOMPARE(rebuilt.details.at(0).target, QStringLiteral("x"));
    QCOMPARE(rebuilt.requestId, built.requestId);
    QCOMPARE(rebuilt.date, built.date);

    QVERIFY(PublicError().toJson().isEmpty());
}

void TestGraphJson::parseErrorBody()
{
    const PublicError error = GraphJson::parseErrorBody(ThrottledBody);
    QCOMPARE(error.code, QStringLiteral("TooManyRequests"));
    QCOMPARE(error.message, QStringLiteral("Please retry again later."));
    QCOMPARE(error.requestId, QStringLiteral("94fb3b52-452a-4535-a601-69e0a90e3aa2"));
    QCOMPARE(error.date, QStringLiteral("2020-08-18T12:51:51"));
    QCOMPARE(error.innerError.value(QLatin1String("status")).toString(), QStringLiteral("429"));
    QCOMPARE(error.summary(), QStringLiteral("TooManyRequests: Please retry again later."));

    const PublicError older = GraphJson::parseErrorBody(
        R"({"error":{"code":"Forbidden","message":"Denied.","innerError":)"
        R"({"requestId":"r-2","date":"2019-01-01T00:00:00"}}})");
    QCOMPARE(older.requestId, QStringLiteral("r-2"));

    const PublicError text = GraphJson::parseErrorBody(R"({"error":"boom"})");
    QCOMPARE(text.message, QStringLiteral("boom"));
    QVERIFY(text.code.isEmpty());
}

void TestGraphJson::parseErrorBodyNotAnError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html>503</html>");
    QTest::newRow("operation") << RunningExample;
    QTest::newRow("array") << QByteArray(R"([{"error":{"code":"x"}}])");
    QTest::newRow("error null") << QByteArray(R"({"error":null})");
    QTest::newRow("error number") << QByteArray(R"({"error":42})");
    QTest::newRow("error empty object") << QByteArray(R"({"error":{}})");
    QTest::newRow("deep nesting") << QByteArray(R"({"error":)") + QByteArray(3000, '[');
}

void TestGraphJson::parseErrorBodyNotAnError()
{
    QFETCH(QByteArray, body);
    const PublicError error = GraphJson::parseErrorBody(body);
    QVERIFY(error.isEmpty());
    QVERIFY(error.summary().isEmpty());
}

void TestGraphJson::valueText_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("string") << QJsonValue(QStringLiteral("5000")) << QStringLiteral("5000");
    QTest::newRow("integer") << QJsonValue(5000) << QStringLiteral("5000");
    QTest::newRow("negative integer") << QJsonValue(-3) << QStringLiteral("-3");
    QTest::newRow("large integer")
        << QJsonValue(qint64(9007199254740991)) << QStringLiteral("9007199254740991");
    QTest::newRow("fraction") << QJsonValue(0.1) << QStringLiteral("0.1");
    QTest::newRow("huge") << QJsonValue(1.2e22) << QStringLiteral("1.2e+22");
    QTest::newRow("true") << QJsonValue(true) << QStringLiteral("true");
    QTest::newRow("false") << QJsonValue(false) << QStringLiteral("false");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QString();
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QString();
    QTest::newRow("object") << QJsonValue(QJsonObject {{QLatin1String("a"), 1}})
                            << QStringLiteral("{\"a\":1}");
    QTest::newRow("array") << QJsonValue(QJsonArray {1, QStringLiteral("x")})
                           << QStringLiteral("[1,\"x\"]");
}

void TestGraphJson::valueText()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(GraphJson::valueText(value), text);
}

QTEST_GUILESS_MAIN(TestGraphJson)
#include "tst_graphjson.moc"
