#include "cliprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

QString CliProcess::executable()
{
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral("../billing-monitor-cli"));
}

CliProcess CliProcess::run(const QStringList &arguments, const QProcessEnvironment &env,
                           int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(executable(), arguments);
    loop.exec();
    CliProcess result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        qWarning("billing-monitor-cli %s did not finish in time", qPrintable(arguments.join(u' ')));
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList CliProcess::lines() const
{
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QList<QJsonObject> CliProcess::json() const
{
    QList<QJsonObject> objects;
    for (const QString &line : lines()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("not a JSON object: %s", qPrintable(line));
            return {};
        }
        objects << document.object();
    }
    return objects;
}
