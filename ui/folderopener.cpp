#include "folderopener.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace FolderOpener {

namespace {

// xdg-open returns once the file manager has the folder; one that keeps it waiting longer is
// taken to have opened it.
constexpr int PatienceMs = 10000;

} // namespace

void open(const QString &folder, QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    const auto answer = [guard, done](bool opened) {
        if (guard)
            done(opened);
    };
    const QString xdgOpen = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    if (xdgOpen.isEmpty()) {
        const bool opened = QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
        QTimer::singleShot(0, context, [answer, opened] { answer(opened); });
        return;
    }
    // Not parented: a file manager that outlives the app must not be killed with it.
    auto *process = new QProcess;
    process->setProgram(xdgOpen);
    process->setArguments({folder});
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    auto answered = std::make_shared<bool>(false);
    const auto once = [answer, answered](bool opened) {
        if (*answered)
            return;
        *answered = true;
        answer(opened);
    };
    QObject::connect(process, &QProcess::finished, process,
                     [process, once](int exitCode, QProcess::ExitStatus status) {
                         once(status == QProcess::NormalExit && exitCode == 0);
                         process->deleteLater();
                     });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [process, once](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return;
                         once(false);
                         process->deleteLater();
                     });
    QTimer::singleShot(PatienceMs, process, [once] { once(true); });
    process->start();
}

} // namespace FolderOpener

FolderPathNotice::FolderPathNotice(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(tr("No file manager could open the folder. It is here:")))
    , m_path(new QLineEdit)
{
    setObjectName(QStringLiteral("folderPathNotice"));
    m_message->setWordWrap(true);
    m_path->setObjectName(QStringLiteral("folderPath"));
    m_path->setReadOnly(true);
    m_path->setAccessibleName(tr("Folder path"));
    auto *copy = new QPushButton(tr("Copy path"));
    copy->setObjectName(QStringLiteral("copyFolderPath"));
    copy->setAutoDefault(false);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message, 0, 0, 1, 2);
    layout->addWidget(m_path, 1, 0);
    layout->addWidget(copy, 1, 1);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_path->text()); });
    hide();
}

void FolderPathNotice::showFor(const QString &folder)
{
    m_path->setText(QDir::toNativeSeparators(folder));
    m_path->setCursorPosition(0);
    m_path->setToolTip(m_path->text());
    show();
}

QString FolderPathNotice::path() const
{
    return m_path->text();
}
