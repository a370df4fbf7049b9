#include "models/problem.h"

#include <QTest>

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void keysRoundTrip_data();
    void keysRoundTrip();
    void unknownKeysAreNone_data();
    void unknownKeysAreNone();
    void transientKinds_data();
    void transientKinds();
};

void TestProblem::summary_data()
{
    QTest::addColumn<Problem::Kind>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("summary");

    QTest::newRow("throttled with code and message")
        << Problem::Kind::Throttled << 429 << QStringLiteral("TooManyRequests")
        << QStringLiteral("Please retry again later.")
        << QString::fromUtf8("HTTP 429 \xc2\xb7 TooManyRequests: Please retry again later.");
    QTest::newRow("status and message")
        << Problem::Kind::ServerError << 502 << QString() << QStringLiteral("Bad gateway")
        << QString::fromUtf8("HTTP 502 \xc2\xb7 Bad gateway");
    QTest::newRow("status and code")
        << Problem::Kind::Forbidden << 403 << QStringLiteral("Authorization_RequestDenied")
        << QString() << QString::fromUtf8("HTTP 403 \xc2\xb7 Authorization_RequestDenied");
    QTest::newRow("status only") << Problem::Kind::NotFound << 404 << QString() << QString()
                                 << QStringLiteral("HTTP 404");
    QTest::newRow("timeout message") << Problem::Kind::Timeout << 0 << QString()
                                     << QStringLiteral("Timed out after no data for 30 s")
                                     << QStringLiteral("Timed out after no data for 30 s");
    QTest::newRow("network message")
        << Problem::Kind::Network << 0 << QString() << QStringLiteral("Connection refused")
        << QStringLiteral("Connection refused");
    QTest::newRow("bad reply with code, no status")
        << Problem::Kind::BadReply << 0 << QStringLiteral("x") << QStringLiteral("y")
        << QStringLiteral("x: y");
    QTest::newRow("nothing but the kind")
        << Problem::Kind::Network << 0 << QString() << QString() << QStringLiteral("Network error");
    QTest::newRow("timeout, nothing else")
        << Problem::Kind::Timeout << 0 << QString() << QString() << QStringLiteral("Timed out");
    QTest::newRow("null problem") << Problem::Kind::None << 0 << QString() << QString()
                                  << QString();
}

void TestProblem::summary()
{
    QFETCH(Problem::Kind, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, summary);
    Problem problem;
    problem.kind = kind;
    problem.httpStatus = httpStatus;
    problem.code = code;
    problem.message = message;
    QCOMPARE(problem.isNull(), kind == Problem::Kind::None);
    QCOMPARE(problem.summary(), summary);
}

void TestProblem::keysRoundTrip_data()
{
    QTest::addColumn<Problem::Kind>("kind");
    QTest::addColumn<QString>("key");

    QTest::newRow("none") << Problem::Kind::None << QStringLiteral("none");
    QTest::newRow("unauthorized") << Problem::Kind::Unauthorized << QStringLiteral("unauthorized");
    QTest::newRow("forbidden") << Problem::Kind::Forbidden << QStringLiteral("forbidden");
    QTest::newRow("notFound") << Problem::Kind::NotFound << QStringLiteral("notFound");
    QTest::newRow("throttled") << Problem::Kind::Throttled << QStringLiteral("throttled");
    QTest::newRow("serverError") << Problem::Kind::ServerError << QStringLiteral("serverError");
    QTest::newRow("timeout") << Problem::Kind::Timeout << QStringLiteral("timeout");
    QTest::newRow("network") << Problem::Kind::Network << QStringLiteral("network");
    QTest::newRow("badReply") << Problem::Kind::BadReply << QStringLiteral("badReply");
    QTest::newRow("httpError") << Problem::Kind::HttpError << QStringLiteral("httpError");
}

void TestProblem::keysRoundTrip()
{
    QFETCH(Problem::Kind, kind);
    QFETCH(QString, key);
    QCOMPARE(Problem::kindKey(kind), key);
    QCOMPARE(Problem::kindFromKey(key), kind);
}

void TestProblem::unknownKeysAreNone_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("other case") << QStringLiteral("Throttled");
    QTest::newRow("unknown") << QStringLiteral("teapot");
    QTest::newRow("padded") << QStringLiteral(" timeout");
}

void TestProblem::unknownKeysAreNone()
{
    QFETCH(QString, key);
    QCOMPARE(Problem::kindFromKey(key), Problem::Kind::None);
}

void TestProblem::transientKinds_data()
{
    QTest::addColumn<Problem::Kind>("kind");
    QTest::addColumn<bool>("transient");
    QTest::newRow("none") << Problem::Kind::None << false;
    QTest::newRow("401") << Problem::Kind::Unauthorized << false;
    QTest::newRow("403") << Problem::Kind::Forbidden << false;
    QTest::newRow("404") << Problem::Kind::NotFound << false;
    QTest::newRow("throttled") << Problem::Kind::Throttled << true;
    QTest::newRow("server error") << Problem::Kind::ServerError << true;
    QTest::newRow("timeout") << Problem::Kind::Timeout << true;
    QTest::newRow("network") << Problem::Kind::Network << true;
    QTest::newRow("bad reply") << Problem::Kind::BadReply << false;
    QTest::newRow("other HTTP") << Problem::Kind::HttpError << false;
}

void TestProblem::transientKinds()
{
    QFETCH(Problem::Kind, kind);
    QFETCH(bool, transient);
    Problem problem;
    problem.kind = kind;
    QCOMPARE(problem.isTransient(), transient);
}

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
