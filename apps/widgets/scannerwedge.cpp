// SPDX-License-Identifier: GPL-3.0-or-later
#include "scannerwedge.h"

#include <QCoreApplication>
#include <QKeyEvent>

namespace pos {

namespace {

bool isEnter(int key)
{
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}

bool isPrintable(const QKeyEvent *event)
{
    const auto mods = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    return mods == Qt::NoModifier && !event->text().isEmpty() && event->text().at(0).isPrint();
}

} // namespace

ScannerWedge::ScannerWedge(QObject *parent)
    : QObject(parent)
{
    m_releaseTimer.setSingleShot(true);
    m_releaseTimer.setInterval(m_maxGap);
    connect(&m_releaseTimer, &QTimer::timeout, this, &ScannerWedge::release);
}

void ScannerWedge::setMaxGap(int milliseconds)
{
    m_maxGap = milliseconds;
    m_releaseTimer.setInterval(milliseconds);
}

bool ScannerWedge::eventFilter(QObject *watched, QEvent *event)
{
    // A key passed on may propagate to the parents and be seen again; only Enter and
    // non-printable keys are passed on, and seeing those twice changes nothing.
    if (event->type() != QEvent::KeyPress || m_replaying) {
        return false;
    }
    return handleKey(watched, static_cast<QKeyEvent *>(event));
}

bool ScannerWedge::handleKey(QObject *target, QKeyEvent *event)
{
    const bool burst = m_sinceLast.isValid() && m_sinceLast.elapsed() <= m_maxGap;
    m_sinceLast.restart();
    if (isEnter(event->key())) {
        if (burst && m_held.size() >= m_minLength) {
            QString code;
            for (const HeldKey &k : std::as_const(m_held)) {
                code += k.text;
            }
            m_held.clear();
            m_releaseTimer.stop();
            emit scanned(code);
            return true;
        }
        release();
        return false;
    }
    if (!isPrintable(event)) {
        release();
        return false;
    }
    if (!burst) {
        release();
    }
    m_held.append(HeldKey{target, event->key(), event->modifiers(), event->text()});
    m_releaseTimer.start();
    return true;
}

void ScannerWedge::release()
{
    m_releaseTimer.stop();
    const QList<HeldKey> keys = std::exchange(m_held, {});
    m_replaying = true;
    for (const HeldKey &k : keys) {
        if (k.target) {
            QKeyEvent press(QEvent::KeyPress, k.key, k.modifiers, k.text);
            QCoreApplication::sendEvent(k.target, &press);
            QKeyEvent up(QEvent::KeyRelease, k.key, k.modifiers, k.text);
            QCoreApplication::sendEvent(k.target, &up);
        }
    }
    m_replaying = false;
}

} // namespace pos
