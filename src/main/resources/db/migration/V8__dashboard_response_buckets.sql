-- The response-time histograms of dashboard_response summed by 16-minute bucket
-- (DashboardRollups.BUCKET_MINUTES). A reader merges these small histograms to find the bucket
-- that holds each percentile's rank, and then reads the minute rows of those buckets only: a
-- 365-day view reads about a tenth of the rows it read before.
CREATE TABLE dashboard_response_bucket (
    grain       char(1)     NOT NULL,
    span_start  timestamptz NOT NULL,
    scope       varchar(20) NOT NULL,
    dimension   char(1)     NOT NULL CHECK (dimension IN ('T', 'D', 'K', 'C')),
    code        varchar(40) NOT NULL,
    bucket      integer     NOT NULL,  -- minutes / 16
    on_time     integer     NOT NULL,
    late        integer     NOT NULL,
    PRIMARY KEY (grain, span_start, scope, dimension, code, bucket),
    FOREIGN KEY (grain, span_start) REFERENCES dashboard_span (grain, span_start) ON DELETE CASCADE
);

-- Spans built before this migration get their buckets from their minute rows.
INSERT INTO dashboard_response_bucket (grain, span_start, scope, dimension, code, bucket, on_time, late)
SELECT grain, span_start, scope, dimension, code, minutes / 16, sum(on_time), sum(late)
FROM dashboard_response
GROUP BY grain, span_start, scope, dimension, code, minutes / 16;
