#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;

// Opening a folder in the desktop's file manager, and saying so when none can.
//
// QDesktopServices answers true as soon as xdg-open starts, even when xdg-open then finds no
// file manager (a minimal desktop, a remote session). So where xdg-open is, it is run and its
// exit code is the answer; elsewhere QDesktopServices decides.
namespace FolderOpener {

using Done = std::function<void(bool opened)>;
// Answers through done once, later, unless context is gone by then.
void open(const QString &folder, QObject *context, Done done);
// How a widget opens folders; tests replace it.
using Opener = std::function<void(const QString &folder, QObject *context, Done done)>;

} // namespace FolderOpener

// Shown in place of a file manager that could not open a folder: says so, with the path
// selectable and a Copy button, until hidden.
class FolderPathNotice : public QWidget
{
    Q_OBJECT
public:
    explicit FolderPathNotice(QWidget *parent = nullptr);

    void showFor(const QString &folder);
    QString path() const;

private:
    QLabel *m_message;
    QLineEdit *m_path;
};
