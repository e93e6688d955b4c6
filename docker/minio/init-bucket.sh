#!/bin/sh
# Run by the `minio-init` service (image minio/mc) once MinIO is healthy; idempotent.
# 1. the project's bucket; 2. encryption at rest ON for every object written to it (SSE-S3 with the
# key of MinIO's KMS, MINIO_KMS_SECRET_KEY); 3. the project's own access key, limited to that bucket.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${DOSSIERS_S3_BUCKET:?}" \
  "${DOSSIERS_S3_ACCESS_KEY:?}" "${DOSSIERS_S3_SECRET_KEY:?}"

mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "local/$DOSSIERS_S3_BUCKET"
mc encrypt set sse-s3 "local/$DOSSIERS_S3_BUCKET"
mc encrypt info "local/$DOSSIERS_S3_BUCKET"
mc anonymous set none "local/$DOSSIERS_S3_BUCKET"

policy=/tmp/dossiers-policy.json
cat > "$policy" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow",
     "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
     "Resource": ["arn:aws:s3:::$DOSSIERS_S3_BUCKET"]},
    {"Effect": "Allow",
     "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
     "Resource": ["arn:aws:s3:::$DOSSIERS_S3_BUCKET/*"]}
  ]
}
JSON
mc admin policy create local dossiers-rw "$policy"
mc admin user add local "$DOSSIERS_S3_ACCESS_KEY" "$DOSSIERS_S3_SECRET_KEY"
mc admin policy attach local dossiers-rw --user "$DOSSIERS_S3_ACCESS_KEY" 2>/dev/null \
  || echo "policy dossiers-rw already attached to $DOSSIERS_S3_ACCESS_KEY"
echo "bucket $DOSSIERS_S3_BUCKET ready, encrypted at rest (SSE-S3)"
