#pragma once

#include <QList>
#include <QString>

class QAction;
class QWidget;
class Session;

// The Help menu: keyboard shortcuts, the user guide, About, and the diagnostics an analyst
// pastes into a support ticket.
namespace HelpDialogs {

// Every action with a shortcut, read from the actions themselves so the list cannot go
// stale, plus the keys that belong to the table rather than to an action.
void showShortcuts(QWidget *parent, const QList<QAction *> &actions);
// The short guide to the window, in the app's language.
void showUserGuide(QWidget *parent);
// Version, Qt version, licence and build date.
QString aboutText();
void showAbout(QWidget *parent);

// Versions, settings without secrets, where the data lives and the count per state. In
// English on purpose: it goes to support, like the command line's output.
QString diagnostics(const Session *session);

} // namespace HelpDialogs
