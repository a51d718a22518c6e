#!/usr/bin/env bash
# Shows the coordinator's tour (make tour-coordinator) opening the exported
# e-mail draft in a real mail program: Sylpheed, which opens an .eml file in
# a message window. Not part of CI; install it with
#   apt-get install -y --no-install-recommends sylpheed
# usage: scripts/tour-mail.sh setup DIR   writes DIR/applications with a
#          desktop entry for message/rfc822 and the default for it; pass
#          XDG_DATA_DIRS=DIR:/usr/local/share:/usr/share to Delegate so that
#          xdg-open (Fyne's OpenURL) uses it
#        scripts/tour-mail.sh open URL  (what the desktop entry runs) gives
#          Sylpheed a ready account in $HOME, so no first-run wizard shows,
#          and opens the message
set -euo pipefail
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
case ${1:-} in
setup)
  apps=$2/applications
  mkdir -p "$apps"
  cat >"$apps/delegate-tour-mail.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Sylpheed (Delegate tour)
Exec=$self open %u
MimeType=message/rfc822;
NoDisplay=true
DESKTOP
  printf '[Default Applications]\nmessage/rfc822=delegate-tour-mail.desktop\n' >"$apps/mimeapps.list"
  ;;
open)
  cfg=$HOME/.sylpheed-2.0
  if [ ! -f "$cfg/accountrc" ]; then
    mkdir -p "$cfg" "$HOME/Mail"/{inbox,sent,queue,trash,draft,junk}
    cat >"$cfg/accountrc" <<'RC'
[Account: 1]
account_name=expert@example.org
is_default=1
name=Sample Expert
address=expert@example.org
protocol=0
receive_server=pop.example.org
smtp_server=smtp.example.org
user_id=expert
inbox=inbox
RC
    cat >"$cfg/folderlist.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<folderlist>
    <folder type="mh" name="Mailbox" path="Mail">
        <folderitem type="inbox" name="inbox" path="inbox" />
        <folderitem type="outbox" name="sent" path="sent" />
        <folderitem type="queue" name="queue" path="queue" />
        <folderitem type="trash" name="trash" path="trash" />
        <folderitem type="draft" name="draft" path="draft" />
        <folderitem type="junk" name="junk" path="junk" />
    </folder>
</folderlist>
XML
    printf '[Common]\nmessagewin_width=900\nmessagewin_height=640\nmainwin_x=0\nmainwin_y=0\nshow_trayicon=0\n' >"$cfg/sylpheedrc"
  fi
  exec sylpheed --open "$2"
  ;;
*)
  echo "usage: $0 setup DIR | open URL" >&2
  exit 2
  ;;
esac
