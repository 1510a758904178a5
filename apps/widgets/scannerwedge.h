// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QKeyEvent;

namespace pos {

// Recognises a keyboard-wedge barcode scanner whatever widget has focus: a burst of
// printable keys, each within maxGap of the last, ending in Enter, is a scan. It holds
// printable keys for at most maxGap; keys typed by hand (slower) are handed on to the
// widget they were meant for, in order, so typing still works.
class ScannerWedge : public QObject
{
    Q_OBJECT

public:
    explicit ScannerWedge(QObject *parent = nullptr);

    void setMaxGap(int milliseconds);
    void setMinLength(int characters) { m_minLength = characters; }

    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void scanned(const QString &code);

private:
    struct HeldKey
    {
        QPointer<QObject> target;
        int key = 0;
        Qt::KeyboardModifiers modifiers;
        QString text;
    };

    bool handleKey(QObject *target, QKeyEvent *event);
    void release();

    QList<HeldKey> m_held;
    QElapsedTimer m_sinceLast;
    QTimer m_releaseTimer;
    int m_minLength = 4;
    int m_maxGap = 50;
    bool m_replaying = false;
};

} // namespace pos
