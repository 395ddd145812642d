export {
  AttachmentTile,
  type AttachmentTileProps,
  type AttachmentUploadState,
  formatFileSize,
} from './attachment-tile';
