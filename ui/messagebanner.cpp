#include "messagebanner.h"

#include "models/operationstatus.h"
#include "statuscolours.h"
#include "statusicons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace {

// The banners speak in the status table's colours and shapes, like the rest of the window.
OperationStatus lookOf(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Information:
        return OperationStatus::Running;
    case MessageBanner::Kind::Positive:
        return OperationStatus::Succeeded;
    case MessageBanner::Kind::Warning:
        return OperationStatus::Expired;
    case MessageBanner::Kind::Error:
        return OperationStatus::Failed;
    }
    return OperationStatus::Unknown;
}

} // namespace

MessageBanner::MessageBanner(Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_icon(new QLabel)
    , m_text(new QLabel)
    , m_close(new QToolButton)
{
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_icon->setFixedSize(16, 16);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close"));
    m_close->setVisible(false);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });
    updateColours();
}

void MessageBanner::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    updateColours();
}

void MessageBanner::setText(const QString &text)
{
    m_text->setText(text);
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void MessageBanner::updateColours()
{
    // Tint from the parent's palette, not our own, which already holds the tint.
    const QPalette source = parentWidget() ? parentWidget()->palette() : QPalette();
    const OperationStatus look = lookOf(m_kind);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, StatusColours::background(look, source));
    tinted.setColor(QPalette::WindowText, source.color(QPalette::Text));
    setPalette(tinted);
    // Information and warnings have their own signs: the status icons mean a status, and a
    // keychain warning is no more "expired" than news is "running".
    QIcon icon;
    if (m_kind == Kind::Information)
        icon = StatusIcons::informationIcon(source);
    else if (m_kind == Kind::Warning)
        icon = StatusIcons::problemIcon(source);
    else
        icon = StatusIcons::icon(look, false, source);
    m_icon->setPixmap(icon.pixmap(QSize(16, 16), devicePixelRatioF()));
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ParentChange)
        updateColours();
}
