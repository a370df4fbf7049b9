#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A strip across the window for things the analyst should notice without a dialog: demo
// mode, being offline, a finished export when there is no tray. Tinted from the palette, so
// it suits light and dark themes.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Positive, Warning, Error };

    explicit MessageBanner(Kind kind, QWidget *parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setText(const QString &text);
    QString text() const;
    // Whether the analyst may close it (notifications yes, the offline banner no).
    void setClosable(bool closable);

signals:
    // The analyst closed the banner with its close button.
    void closed();

public:
    // Re-tints from the parent's palette; call it when the theme changes.
    void updateColours();

protected:
    void changeEvent(QEvent *event) override;

private:
    Kind m_kind;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};
