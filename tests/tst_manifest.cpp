#include "models/graphjson.h"
#include "models/manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <ctime>

class TestManifest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void docsExample();
    void docsExampleBlobUrl();
    void sasExpiry_data();
    void sasExpiry();
    void blobUrl_data();
    void blobUrl();
    void blobUrlWithoutRootIsEmpty();
    void blobSizes();
    void blobCountFallsBackToTheList();
    void unknownMembersAreIgnoredButKept();
    void malformedManifests_data();
    void malformedManifests();
    void hostileValuesDoNotCrash();
};

namespace {

// The example of Graph's "Get manifest" documentation, verbatim.
const QByteArray DocsExample = R"({
  "id": "6fe687d7-1e0f-4bd6-9091-4672691f64bc",
  "schemaVersion": "1",
  "dataFormat": "compressedJSON",
  "createdDateTime": "2023-03-09T06:34:34.87Z",
  "eTag": "WYjLro78HdMg6vUWR",
  "partnerTenantId": "0e195b37-4574-4539-bc42-0e539b9684c0",
  "rootDirectory": "https://adlsreconbuprodeastus201.blob.core.windows.net/billedusagefastpath/v1/PartnerTenantId=0e195b37-4574-4539-bc42-0e539b9684c0/BillingMonth=202310/InvoiceId=G031809528/InvoiceVersion=202311/Fragment=basic/PartitionType=default",
  "sasToken": "skoid=0c414a25-fd23-4785-815f-1258467f9ab7&sktid=975f013f-7f24-47e8-a7d3-abc4752bf346&skt=2023-12-13T00%3A37%3A17Z&ske=2023-12-14T00%3A37%3A17Z&sks=b&skv=2021-08-06&sv=2021-08-06&se=2023-12-13T12%3A37%3A17Z&sr=d&sp=rl&sdd=7&sig=RpVY0WBGUHJ2APB3N76jtMak8loAWY4oiA0%2FaoJX1bM%3D",
  "partitionType": "Default",
  "blobCount": 1,
  "blobs": [ { "name": "part-00049-b016029b-a7a7-4c46-9b5e-c925ac317ac6.c000.json.gz", "partitionValue": "default" } ]
})";

const QByteArray DocsRoot
    = "https://adlsreconbuprodeastus201.blob.core.windows.net/billedusagefastpath/v1/"
      "PartnerTenantId=0e195b37-4574-4539-bc42-0e539b9684c0/BillingMonth=202310/"
      "InvoiceId=G031809528/InvoiceVersion=202311/Fragment=basic/PartitionType=default";
const QByteArray DocsToken
    = "skoid=0c414a25-fd23-4785-815f-1258467f9ab7&sktid=975f013f-7f24-47e8-a7d3-abc4752bf346&"
      "skt=2023-12-13T00%3A37%3A17Z&ske=2023-12-14T00%3A37%3A17Z&sks=b&skv=2021-08-06&"
      "sv=2021-08-06&se=2023-12-13T12%3A37%3A17Z&sr=d&sp=rl&sdd=7&"
      "sig=RpVY0WBGUHJ2APB3N76jtMak8loAWY4oiA0%2FaoJX1bM%3D";

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

Manifest docsManifest()
{
    QString error;
    const std::optional<Manifest> manifest = GraphJson::parseManifest(DocsExample, &error);
    if (!manifest)
        qWarning("parseManifest failed: %s", qPrintable(error));
    return manifest.value_or(Manifest());
}

} // namespace

void TestManifest::initTestCase()
{
    qputenv("TZ", "America/New_York");
    tzset();
    QVERIFY(QDateTime(QDate(2023, 12, 13), QTime(12, 0)).offsetFromUtc() != 0);
}

void TestManifest::docsExample()
{
    QString error;
    const std::optional<Manifest> manifest = GraphJson::parseManifest(DocsExample, &error);
    QVERIFY2(manifest, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(manifest->id, QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"));
    QCOMPARE(manifest->schemaVersion, QStringLiteral("1"));
    QCOMPARE(manifest->dataFormat, QStringLiteral("compressedJSON"));
    QCOMPARE(manifest->createdDateTime, utc(2023, 3, 9, 6, 34, 34, 870));
    QCOMPARE(manifest->createdDateTime.timeSpec(), Qt::UTC);
    QCOMPARE(manifest->eTag, QStringLiteral("WYjLro78HdMg6vUWR"));
    QCOMPARE(manifest->partnerTenantId, QStringLiteral("0e195b37-4574-4539-bc42-0e539b9684c0"));
    QCOMPARE(manifest->partitionType, QStringLiteral("Default"));
    QCOMPARE(manifest->rootDirectory, QString::fromLatin1(DocsRoot));
    QCOMPARE(manifest->sasToken, QString::fromLatin1(DocsToken));
    QCOMPARE(manifest->blobCount, 1);
    QCOMPARE(manifest->blobs.size(), 1);
    QCOMPARE(manifest->blobs.at(0).name,
             QStringLiteral("part-00049-b016029b-a7a7-4c46-9b5e-c925ac317ac6.c000.json.gz"));
    QCOMPARE(manifest->blobs.at(0).partitionValue, QStringLiteral("default"));
    QCOMPARE(manifest->blobs.at(0).sizeInBytes, qint64(-1));
    QCOMPARE(manifest->json, QJsonDocument::fromJson(DocsExample).object());
    QCOMPARE(manifest->sasExpiry(), utc(2023, 12, 13, 12, 37, 17));
    QCOMPARE(manifest->sasExpiry().timeSpec(), Qt::UTC);
}

void TestManifest::docsExampleBlobUrl()
{
    const Manifest manifest = docsManifest();
    QCOMPARE(manifest.blobs.size(), 1);
    const QUrl url = manifest.blobUrl(manifest.blobs.at(0));
    QVERIFY(url.isValid());
    // Byte for byte: the SAS is signed over these escapes, so none may be decoded or doubled.
    QCOMPARE(url.toEncoded(),
             DocsRoot + "/part-00049-b016029b-a7a7-4c46-9b5e-c925ac317ac6.c000.json.gz?"
                 + DocsToken);
    QVERIFY(url.toEncoded().contains("sig=RpVY0WBGUHJ2APB3N76jtMak8loAWY4oiA0%2FaoJX1bM%3D"));
    QVERIFY(url.toEncoded().contains("skt=2023-12-13T00%3A37%3A17Z"));
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    QCOMPARE(url.host(), QStringLiteral("adlsreconbuprodeastus201.blob.core.windows.net"));
    QCOMPARE(url.path(QUrl::FullyEncoded).section(QLatin1Char('/'), -1),
             QStringLiteral("part-00049-b016029b-a7a7-4c46-9b5e-c925ac317ac6.c000.json.gz"));
}

void TestManifest::sasExpiry_data()
{
    QTest::addColumn<QString>("sasToken");
    QTest::addColumn<QDateTime>("expiry");

    QTest::newRow("encoded colons")
        << QStringLiteral("sv=2021-08-06&se=2023-12-13T12%3A37%3A17Z&sp=r")
        << utc(2023, 12, 13, 12, 37, 17);
    QTest::newRow("raw colons") << QStringLiteral("se=2023-12-13T12:37:17Z")
                                << utc(2023, 12, 13, 12, 37, 17);
    QTest::newRow("first parameter")
        << QStringLiteral("se=2024-01-02T03%3A04%3A05Z&sig=x") << utc(2024, 1, 2, 3, 4, 5);
    QTest::newRow("minutes only") << QStringLiteral("se=2024-01-02T03%3A04Z")
                                  << utc(2024, 1, 2, 3, 4, 0);
    QTest::newRow("date only") << QStringLiteral("sp=r&se=2024-01-02") << utc(2024, 1, 2, 0, 0, 0);
    QTest::newRow("offset") << QStringLiteral("se=2024-01-02T05%3A04%3A05%2B02%3A00")
                            << utc(2024, 1, 2, 3, 4, 5);
    QTest::newRow("leading question mark")
        << QStringLiteral("?se=2024-01-02T03%3A04%3A05Z") << utc(2024, 1, 2, 3, 4, 5);

    QTest::newRow("absent") << QStringLiteral("sv=2021-08-06&sp=r") << QDateTime();
    QTest::newRow("empty token") << QString() << QDateTime();
    QTest::newRow("empty value") << QStringLiteral("se=&sp=r") << QDateTime();
    QTest::newRow("unreadable") << QStringLiteral("se=tomorrow") << QDateTime();
    QTest::newRow("ske is not se") << QStringLiteral("ske=2023-12-14T00%3A37%3A17Z") << QDateTime();
    QTest::newRow("bad escape") << QStringLiteral("se=2023-12-13T12%3") << QDateTime();
}

void TestManifest::sasExpiry()
{
    QFETCH(QString, sasToken);
    QFETCH(QDateTime, expiry);
    Manifest manifest;
    manifest.sasToken = sasToken;
    const QDateTime actual = manifest.sasExpiry();
    QCOMPARE(actual.isValid(), expiry.isValid());
    if (expiry.isValid()) {
        QCOMPARE(actual, expiry);
        QCOMPARE(actual.timeSpec(), Qt::UTC);
    }
}

void TestManifest::blobUrl_data()
{
    QTest::addColumn<QString>("rootDirectory");
    QTest::addColumn<QString>("sasToken");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("encoded");

    const QString root = QStringLiteral("https://a.blob.core.windows.net/c/v1/Fragment=basic");
    const QString token = QStringLiteral("sv=1&sig=ab%2Fc%2Bd%3D&se=2023-12-13T12%3A37%3A17Z");
    const QByteArray rootBytes = "https://a.blob.core.windows.net/c/v1/Fragment=basic";
    const QByteArray tokenBytes = "sv=1&sig=ab%2Fc%2Bd%3D&se=2023-12-13T12%3A37%3A17Z";

    QTest::newRow("plain") << root << token << QStringLiteral("part-1.json.gz")
                           << rootBytes + "/part-1.json.gz?" + tokenBytes;
    QTest::newRow("space in name") << root << token << QStringLiteral("part 1.json.gz")
                                   << rootBytes + "/part%201.json.gz?" + tokenBytes;
    QTest::newRow("percent in name") << root << token << QStringLiteral("100%.json.gz")
                                     << rootBytes + "/100%25.json.gz?" + tokenBytes;
    QTest::newRow("question mark in name")
        << root << token << QStringLiteral("a?b.gz") << rootBytes + "/a%3Fb.gz?" + tokenBytes;
    QTest::newRow("hash in name") << root << token << QStringLiteral("a#b.gz")
                                  << rootBytes + "/a%23b.gz?" + tokenBytes;
    QTest::newRow("virtual directory kept") << root << token << QStringLiteral("day=1/part.gz")
                                            << rootBytes + "/day=1/part.gz?" + tokenBytes;
    QTest::newRow("non-ascii name") << root << token << QString::fromUtf8("d\xc3\xa9j\xc3\xa0.gz")
                                    << rootBytes + "/d%C3%A9j%C3%A0.gz?" + tokenBytes;
    QTest::newRow("trailing slash on root")
        << root + QLatin1Char('/') << token << QStringLiteral("p.gz")
        << rootBytes + "/p.gz?" + tokenBytes;
    QTest::newRow("no token") << root << QString() << QStringLiteral("p.gz") << rootBytes + "/p.gz";
    QTest::newRow("token with leading question mark")
        << root << QLatin1Char('?') + token << QStringLiteral("p.gz")
        << rootBytes + "/p.gz?" + tokenBytes;
    QTest::newRow("escapes in the token survive")
        << root << QStringLiteral("a=%3A%3D%2F%26%25%2B&b=x+y") << QStringLiteral("p.gz")
        << rootBytes + "/p.gz?a=%3A%3D%2F%26%25%2B&b=x+y";
    QTest::newRow("loopback root")
        << QStringLiteral("http://127.0.0.1:4711/blobs/r") << token << QStringLiteral("p.gz")
        << "http://127.0.0.1:4711/blobs/r/p.gz?" + tokenBytes;
}

void TestManifest::blobUrl()
{
    QFETCH(QString, rootDirectory);
    QFETCH(QString, sasToken);
    QFETCH(QString, name);
    QFETCH(QByteArray, encoded);
    Manifest manifest;
    manifest.rootDirectory = rootDirectory;
    manifest.sasToken = sasToken;
    ManifestBlob blob;
    blob.name = name;
    const QUrl url = manifest.blobUrl(blob);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(url.toEncoded(), encoded);
    // Fetching it again gives the same bytes: nothing is encoded twice on the way.
    QCOMPARE(QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode).toEncoded(), encoded);
}

void TestManifest::blobUrlWithoutRootIsEmpty()
{
    Manifest manifest;
    manifest.sasToken = QStringLiteral("sv=1");
    ManifestBlob blob;
    blob.name = QStringLiteral("p.gz");
    QVERIFY(manifest.blobUrl(blob).isEmpty());

    manifest.rootDirectory = QStringLiteral("https://a.blob.core.windows.net/c");
    QVERIFY(manifest.blobUrl(ManifestBlob()).isEmpty());
}

void TestManifest::blobSizes()
{
    const QByteArray json = R"({
        "rootDirectory": "https://a.blob.core.windows.net/c",
        "blobs": [
            {"name": "a.gz", "partitionValue": "default", "sizeInBytes": 1048576, "itemCount": 7},
            {"name": "b.gz", "sizeInBytes": "5368709120"},
            {"name": "c.gz", "sizeInBytes": -4},
            {"name": "d.gz", "sizeInBytes": 1.5},
            {"name": "e.gz", "sizeInBytes": "lots"},
            {"name": "f.gz", "sizeInBytes": null},
            {"name": "g.gz", "sizeInBytes": 0}
        ]
    })";
    QString error;
    const std::optional<Manifest> manifest = GraphJson::parseManifest(json, &error);
    QVERIFY2(manifest, qPrintable(error));
    QCOMPARE(manifest->blobs.size(), 7);
    QCOMPARE(manifest->blobs.at(0).sizeInBytes, qint64(1048576));
    QCOMPARE(manifest->blobs.at(0).partitionValue, QStringLiteral("default"));
    QCOMPARE(manifest->blobs.at(1).sizeInBytes, Q_INT64_C(5368709120));
    QCOMPARE(manifest->blobs.at(2).sizeInBytes, qint64(-1));
    QCOMPARE(manifest->blobs.at(3).sizeInBytes, qint64(-1));
    QCOMPARE(manifest->blobs.at(4).sizeInBytes, qint64(-1));
    QCOMPARE(manifest->blobs.at(5).sizeInBytes, qint64(-1));
    QCOMPARE(manifest->blobs.at(6).sizeInBytes, qint64(0));
}

void TestManifest::blobCountFallsBackToTheList()
{
    QString error;
    std::optional<Manifest> manifest = GraphJson::parseManifest(
        R"({"rootDirectory":"https://a/c","blobs":[{"name":"a"},{"name":"b"}]})", &error);
    QVERIFY2(manifest, qPrintable(error));
    QCOMPARE(manifest->blobCount, 2);

    // The server's count is reported as given, even when it disagrees with the list.
    manifest = GraphJson::parseManifest(
        R"({"rootDirectory":"https://a/c","blobCount":5,"blobs":[{"name":"a"}]})", &error);
    QVERIFY2(manifest, qPrintable(error));
    QCOMPARE(manifest->blobCount, 5);
    QCOMPARE(manifest->blobs.size(), 1);

    manifest = GraphJson::parseManifest(R"({"rootDirectory":"https://a/c","blobs":[]})", &error);
    QVERIFY2(manifest, qPrintable(error));
    QCOMPARE(manifest->blobCount, 0);
    QVERIFY(manifest->blobs.isEmpty());
}

void TestManifest::unknownMembersAreIgnoredButKept()
{
    QJsonObject object = QJsonDocument::fromJson(DocsExample).object();
    object.insert(QLatin1String("@odata.context"), QStringLiteral("https://graph/$metadata#x"));
    object.insert(QLatin1String("futureMember"), QJsonObject {{QLatin1String("nested"), 1}});
    const Manifest manifest = GraphJson::manifestFromJson(object);
    QCOMPARE(manifest.id, QStringLiteral("6fe687d7-1e0f-4bd6-9091-4672691f64bc"));
    QCOMPARE(manifest.blobs.size(), 1);
    QCOMPARE(manifest.json, object);
    QVERIFY(manifest.json.contains(QLatin1String("futureMember")));
}

void TestManifest::malformedManifests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("The reply is empty");
    QTest::newRow("not json") << QByteArray("<Error><Code>AuthenticationFailed</Code></Error>")
                              << QStringLiteral("The reply is not JSON: illegal value at offset 1");
    QTest::newRow("array") << QByteArray("[]")
                           << QStringLiteral("The reply is a JSON array, not an object");
    QTest::newRow("deep nesting") << QByteArray(
        2000,
        '[') << QStringLiteral("The reply is not JSON: too deeply nested document at offset 1025");
    QTest::newRow("no root") << QByteArray(R"({"blobs":[]})")
                             << QStringLiteral("The manifest has no rootDirectory");
    QTest::newRow("root not a string") << QByteArray(R"({"rootDirectory":1,"blobs":[]})")
                                       << QStringLiteral("The manifest has no rootDirectory");
    QTest::newRow("no blobs") << QByteArray(R"({"rootDirectory":"https://a/c"})")
                              << QStringLiteral("The manifest has no list of blobs");
    QTest::newRow("blobs an object")
        << QByteArray(R"({"rootDirectory":"https://a/c","blobs":{"name":"a"}})")
        << QStringLiteral("The manifest has no list of blobs");
    QTest::newRow("blob without name")
        << QByteArray(R"({"rootDirectory":"https://a/c","blobs":[{"name":"a"},{"x":1}]})")
        << QStringLiteral("Blob 2 of the manifest has no name");
    QTest::newRow("blob not an object")
        << QByteArray(R"({"rootDirectory":"https://a/c","blobs":["a.gz"]})")
        << QStringLiteral("Blob 1 of the manifest has no name");
    QTest::newRow("blob name a number")
        << QByteArray(R"({"rootDirectory":"https://a/c","blobs":[{"name":7}]})")
        << QStringLiteral("Blob 1 of the manifest has no name");
}

void TestManifest::malformedManifests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    QString error;
    QVERIFY(!GraphJson::parseManifest(body, &error));
    QCOMPARE(error, expectedError);
}

void TestManifest::hostileValuesDoNotCrash()
{
    const QJsonObject object = QJsonDocument::fromJson(R"({
        "id": 5, "schemaVersion": 1, "dataFormat": null, "createdDateTime": 1678349573,
        "eTag": ["x"], "partnerTenantId": {}, "partitionType": true,
        "rootDirectory": 42, "sasToken": {"se": "2023"}, "blobCount": "1",
        "blobs": [ 1, "two", null, {"name": {"a": 1}, "partitionValue": 3} ]
    })")
                                   .object();
    QVERIFY(!object.isEmpty());
    const Manifest manifest = GraphJson::manifestFromJson(object);
    QVERIFY(manifest.id.isEmpty());
    QVERIFY(manifest.schemaVersion.isEmpty());
    QVERIFY(!manifest.createdDateTime.isValid());
    QVERIFY(manifest.rootDirectory.isEmpty());
    QVERIFY(manifest.sasToken.isEmpty());
    QVERIFY(!manifest.sasExpiry().isValid());
    QCOMPARE(manifest.blobs.size(), 4);
    QCOMPARE(manifest.blobCount, 4);
    QVERIFY(manifest.blobs.at(3).name.isEmpty());
    QVERIFY(manifest.blobUrl(manifest.blobs.at(3)).isEmpty());
    QCOMPARE(manifest.json, object);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
