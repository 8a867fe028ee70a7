// Background work of the server process: the expiry sweep (quotes, voucher allotments), the
// waitlist's offers of capacity freed by the clock, and the reminders every minute; when SMTP_URL
// is set, the email outbox every 30 seconds.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { expireQuotes } = await import("./server/services/booking/expire-quotes");
  const { expireAllotments } = await import("./server/services/vouchers/expire");
  const { runWaitlist } = await import("./server/services/waitlist/offer");
  const { sendReminders } = await import("./server/services/reminders/send");
  const { sendOutbox } = await import("./server/services/system/send-outbox");
  const sweep = () => {
    try {
      expireQuotes(getDb());
      expireAllotments(getDb());
      runWaitlist(getDb());
    } catch (error) {
      console.error("expiry sweep failed:", error);
    }
    try {
      sendReminders(getDb());
    } catch (error) {
      console.error("reminders failed:", error);
    }
  };
  setInterval(sweep, 60_000).unref();
  const smtp = process.env.SMTP_URL;
  if (smtp)
    setInterval(
      () =>
        void sendOutbox(getDb(), smtp).catch((error) =>
          console.error("sending mail failed:", error),
        ),
      30_000,
    ).unref();
}
