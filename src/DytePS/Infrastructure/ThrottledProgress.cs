using System;
using System.Diagnostics;
using System.Management.Automation;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// One progress bar, updated at most every <see cref="Interval"/> so that fast loops do not
    /// spend their time redrawing it, and always completed at the end. Call from the pipeline
    /// thread. Under $ProgressPreference = 'SilentlyContinue' PowerShell shows nothing.
    /// </summary>
    internal sealed class ThrottledProgress
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly Stopwatch _sinceLast = new Stopwatch();
        private string _lastStatus = "Starting";
        private bool _shown;

        public ThrottledProgress(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
        }

        /// <summary>Shows <paramref name="status"/> (and a percentage when known) unless the last update was too recent.</summary>
        public void Update(string status, int percent = -1, bool force = false)
        {
            if (_shown && !force && _sinceLast.Elapsed < Interval) return;
            // A new record each time: hosts may keep the ones they were given.
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { PercentComplete = Math.Min(100, percent) });
            _lastStatus = status;
            _shown = true;
            _sinceLast.Restart();
        }

        /// <summary>Removes the bar if it was ever shown.</summary>
        public void Complete()
        {
            if (!_shown) return;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, _lastStatus) { RecordType = ProgressRecordType.Completed });
            _shown = false;
        }

        /// <summary>Percentage of <paramref name="done"/> in <paramref name="total"/>, or -1 when the total is unknown.</summary>
        public static int Percent(long done, long? total) =>
            total.HasValue && total.Value > 0 ? (int)Math.Min(100, done * 100 / total.Value) : -1;
    }
}
