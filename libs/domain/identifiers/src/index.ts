export { type Result, type Ok, type Failure, ok, fail } from './result';
export { toHalfWidth, normaliseCode } from './normalise';
export {
  type RegionCode,
  type RegionLevel,
  type RegionCodeFailureReason,
  PROVINCE_PREFIXES,
  PROVINCE_NAMES,
  provinceNameOf,
  isProvincePrefix,
  parseRegionCode,
  isValidRegionCode,
  regionLevel,
  regionPrefix,
  regionContains,
  provinceOf,
  cityOf,
} from './region-code';
export {
  type Uscc,
  type UsccFailureReason,
  USCC_CHARSET,
  USCC_LENGTH,
  USCC_WEIGHTS,
  USCC_NATIONAL_REGION,
  parseUscc,
  isValidUscc,
  usccCheckCharacter,
  usccRegionCode,
  usccRegistrationRegion,
} from './uscc';
export {
  type CitizenId,
  type CitizenIdFailureReason,
  CITIZEN_ID_LENGTH,
  CITIZEN_ID_WEIGHTS,
  parseCitizenId,
  isValidCitizenId,
  citizenIdCheckCharacter,
  citizenIdBirthDate,
} from './citizen-id';
export { regionName } from './region-names';
export { maskCitizenId, maskCitizenIdsInText, maskPersonName } from './masking';
export {
  type Plate,
  type PlateKind,
  type ParsedPlate,
  type PlateFailureReason,
  type PlateColour,
  type VehicleSubjectKey,
  type VehicleSubjectKeyFailureReason,
  PLATE_PROVINCES,
  PLATE_COLOURS,
  parsePlate,
  isValidPlate,
  isPlateColour,
  vehicleSubjectKey,
  parseVehicleSubjectKey,
} from './plate';
export { type VesselId, type VesselIdFailureReason, parseVesselId, isValidVesselId } from './vessel-id';
