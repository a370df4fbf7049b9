// Stands in for the system browser in the CLI sign-in test ($BROWSER): opens the address it
// is given and follows its redirects, as a browser does, until the last page.
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2)
        return 2;
    QNetworkAccessManager browser;
    browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = browser.get(QNetworkRequest(QUrl(app.arguments().at(1))));
    QObject::connect(reply, &QNetworkReply::finished, &app, [reply] {
        QCoreApplication::exit(reply->error() == QNetworkReply::NoError ? 0 : 1);
    });
    QTimer::singleShot(20000, &app, [] { QCoreApplication::exit(3); });
    return app.exec();
}
