#include "addoperationsbar.h"

#include "models/operationstatus.h"
#include "statuscolours.h"
#include "statusicons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

AddOperationsBar::AddOperationsBar(QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit)
    , m_addButton(new QPushButton(tr("Add")))
    , m_resultIcon(new QLabel)
    , m_result(new QLabel)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_input->setObjectName(QStringLiteral("addInput"));
    m_input->setPlaceholderText(
        tr("Paste operation ids, operation URLs or Location headers — any text around them "
           "is fine"));
    m_input->setAccessibleName(tr("Operation ids to add"));
    m_input->setClearButtonEnabled(true);
    // Several thousand ids in one paste must fit.
    m_input->setMaxLength(1 << 20);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_addButton->setToolTip(tr("Track the operations found in the text (Enter)"));
    m_resultIcon->setFixedSize(16, 16);
    m_result->setObjectName(QStringLiteral("addResult"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_input, 3);
    layout->addWidget(m_addButton);
    layout->addWidget(m_resultIcon);
    layout->addWidget(m_result, 2);
    clearResult();

    connect(m_input, &QLineEdit::returnPressed, this, &AddOperationsBar::submit);
    connect(m_addButton, &QPushButton::clicked, this, &AddOperationsBar::submit);
    connect(m_input, &QLineEdit::textEdited, this, &AddOperationsBar::clearResult);
}

QString AddOperationsBar::text() const
{
    return m_input->text();
}

void AddOperationsBar::setText(const QString &text)
{
    m_input->setText(text);
}

void AddOperationsBar::submit()
{
    emit addRequested(m_input->text());
}

void AddOperationsBar::showResult(const QString &message, bool isError)
{
    m_resultIsError = isError;
    m_result->setText(message);
    m_result->setToolTip(message);
    m_resultIcon->setVisible(true);
    updateResultColours();
    if (!isError)
        m_input->clear();
}

QString AddOperationsBar::resultText() const
{
    return m_result->text();
}

void AddOperationsBar::clearResult()
{
    m_result->clear();
    m_resultIcon->setVisible(false);
    m_resultIsError = false;
}

void AddOperationsBar::updateResultColours()
{
    const QPalette &current = palette();
    const OperationStatus look
        = m_resultIsError ? OperationStatus::Failed : OperationStatus::Succeeded;
    m_resultIcon->setPixmap(
        StatusIcons::icon(look, false, current).pixmap(QSize(16, 16), devicePixelRatioF()));
    QPalette coloured = m_result->palette();
    coloured.setColor(QPalette::WindowText,
                      m_resultIsError ? StatusColours::foreground(OperationStatus::Failed, current)
                                      : current.color(QPalette::WindowText));
    m_result->setPalette(coloured);
}

void AddOperationsBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_result->text().isEmpty())
        updateResultColours();
}
